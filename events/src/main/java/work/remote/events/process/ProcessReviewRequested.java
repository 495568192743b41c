package work.remote.events.process;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * The owner asks the people involved to discuss a draft. meeting-service plans discussion sessions of at
 * most six people from {@code participants}, one function group each; {@code link} is the material to read.
 *
 * @param requestedBy who asked for the review; hosts the discussion sessions
 * @param participants everyone involved, at least one
 * @param mixSmallGroups true when small function groups may share a session when they fit; absent (null), as in
 *        events from before the option, keeps every session to one group
 */
public record ProcessReviewRequested(
        UUID processId,
        String key,
        String title,
        String requestedBy,
        List<Participant> participants,
        Instant requestedAt,
        String link,
        Boolean mixSmallGroups) implements DomainEvent {

    public ProcessReviewRequested {
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(requestedBy, "requestedBy");
        participants = List.copyOf(Objects.requireNonNull(participants, "participants"));
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("A review needs at least one participant");
        }
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(link, "link");
    }

    /** Whether small function groups may share a session: only when the request said so. */
    public boolean smallGroupsMayShareASession() {
        return Boolean.TRUE.equals(mixSmallGroups);
    }

    @Override
    public String eventSubject() {
        return processId.toString();
    }
}
