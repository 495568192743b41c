package work.remote.events.process;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * A published version is rolled out to a set of participants; each of them gets a checklist
 * ({@link ChecklistAssigned}).
 */
public record RolloutStarted(
        UUID rolloutId,
        UUID processId,
        String key,
        int version,
        String title,
        List<Assignee> participants,
        String startedBy,
        Instant startedAt,
        String link) implements DomainEvent {

    public RolloutStarted {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(key, "key");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
        Objects.requireNonNull(title, "title");
        participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("A rollout needs at least one participant");
        }
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return processId.toString();
    }
}
