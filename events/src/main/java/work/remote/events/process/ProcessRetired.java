package work.remote.events.process;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * A process is no longer in use.
 *
 * @param lastVersion the last published version; {@code null} when it was never published
 * @param reason why it was retired; {@code null} when none was given
 */
public record ProcessRetired(
        UUID processId,
        String key,
        String title,
        Integer lastVersion,
        String reason,
        String retiredBy,
        Instant retiredAt,
        String link) implements DomainEvent {

    public ProcessRetired {
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        if (lastVersion != null && lastVersion < 1) {
            throw new IllegalArgumentException("lastVersion must be at least 1: " + lastVersion);
        }
        Objects.requireNonNull(retiredBy, "retiredBy");
        Objects.requireNonNull(retiredAt, "retiredAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return processId.toString();
    }
}
