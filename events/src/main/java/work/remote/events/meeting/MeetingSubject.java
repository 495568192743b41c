package work.remote.events.meeting;

import java.util.Objects;
import java.util.UUID;

/**
 * What a meeting is about: a process (its id in process-service) or a launch (its id in ticket-service).
 * Consumers use it to find their own aggregate: process-service reacts to meetings about a process,
 * ticket-service to meetings about a launch.
 *
 * @param version the process version discussed or reviewed; {@code null} for a launch or an unpublished draft
 */
public record MeetingSubject(Kind kind, UUID id, String title, Integer version) {

    public enum Kind {
        PROCESS,
        LAUNCH
    }

    public MeetingSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (version != null && version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
    }

    public static MeetingSubject process(UUID processId, String title, Integer version) {
        return new MeetingSubject(Kind.PROCESS, processId, title, version);
    }

    public static MeetingSubject launch(UUID launchId, String title) {
        return new MeetingSubject(Kind.LAUNCH, launchId, title, null);
    }
}
