package work.remote.events.meeting;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/** An invitee missed a meeting: their supervisor is asked to relay its content to them. */
public record RelayRequested(
        UUID relayId,
        UUID meetingId,
        MeetingKind meetingKind,
        MeetingSubject subject,
        String meetingTitle,
        String absentee,
        String supervisor,
        Instant requestedAt,
        String link) implements DomainEvent {

    public RelayRequested {
        Objects.requireNonNull(relayId, "relayId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(meetingKind, "meetingKind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(meetingTitle, "meetingTitle");
        Objects.requireNonNull(absentee, "absentee");
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return meetingId.toString();
    }
}
