package work.remote.events.process;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * A draft passed validation and its self-rehearsal, and became the immutable {@code version} of the process.
 *
 * @param withoutRehearsalReason why an admin published the draft without the self-rehearsal the playbook asks for;
 *         absent when the draft was rehearsed (and in every event written before the rule existed)
 */
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
        String withoutRehearsalReason,
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
        if (withoutRehearsalReason != null && withoutRehearsalReason.isBlank()) {
            throw new IllegalArgumentException("A reason for publishing without a rehearsal says something");
        }
        Objects.requireNonNull(link, "link");
    }

    /** A version published after its self-rehearsal, as every version was published before the override existed. */
    public ProcessPublished(UUID processId, String key, int version, String title, String owner, List<Role> roles,
            String changeSummary, String publishedBy, Instant publishedAt, String link) {
        this(processId, key, version, title, owner, roles, changeSummary, publishedBy, publishedAt, null, link);
    }

    @Override
    public String eventSubject() {
        return processId.toString();
    }
}
