package work.remote.events.process;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/** A rollout participant received their checklist, built from their role's steps and key points. */
public record ChecklistAssigned(
        UUID checklistId,
        UUID rolloutId,
        UUID processId,
        String key,
        int version,
        String title,
        String person,
        String role,
        List<ChecklistItem> items,
        Instant assignedAt,
        String link) implements DomainEvent {

    public ChecklistAssigned {
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
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A checklist needs at least one item");
        }
        Objects.requireNonNull(assignedAt, "assignedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return processId.toString();
    }
}
