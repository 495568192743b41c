package work.remote.events.meeting;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * The host parked an off-topic proposal; it appears on the agenda of the next meeting on the same
 * subject until it is discussed or dropped.
 */
public record ParkingLotItemRecorded(
        UUID itemId,
        UUID meetingId,
        MeetingSubject subject,
        String proposedBy,
        String proposal,
        String recordedBy,
        Instant recordedAt,
        String link) implements DomainEvent {

    public ParkingLotItemRecorded {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return meetingId.toString();
    }
}
