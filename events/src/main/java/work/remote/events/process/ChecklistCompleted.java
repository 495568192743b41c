package work.remote.events.process;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/** A participant ticked every item of their checklist. */
public record ChecklistCompleted(
        UUID checklistId,
        UUID rolloutId,
        UUID processId,
        String key,
        int version,
        String title,
        String person,
        String role,
        int itemCount,
        Instant completedAt,
        String link) implements DomainEvent {

    public ChecklistCompleted {
        Objects.requireNonNull(checklistId, "checklistId");
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(key, "key");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(role, "role");
        if (itemCount < 1) {
            throw new IllegalArgumentException("itemCount must be at least 1: " + itemCount);
        }
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return processId.toString();
    }
}
