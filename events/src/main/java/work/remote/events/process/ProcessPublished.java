package work.remote.events.process;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/** A draft passed validation and became the immutable {@code version} of the process. */
public record ProcessPublished(
        UUID processId,
        String key,
        int version,
        String title,
        String owner,
        List<Role> roles,
        String changeSummary,
        String publishedBy,
        Instant publishedAt,
        String link) implements DomainEvent {

    public ProcessPublished {
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(key, "key");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(owner, "owner");
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
        Objects.requireNonNull(changeSummary, "changeSummary");
        Objects.requireNonNull(publishedBy, "publishedBy");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return processId.toString();
    }
}
