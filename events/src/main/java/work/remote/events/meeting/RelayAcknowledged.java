package work.remote.events.meeting;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * The supervisor confirmed they relayed a meeting's content to the absentee.
 *
 * @param note what the supervisor adds (e.g. how and when they relayed); {@code null} when nothing
 */
public record RelayAcknowledged(
        UUID relayId,
        UUID meetingId,
        MeetingKind meetingKind,
        MeetingSubject subject,
        String meetingTitle,
        String absentee,
        String supervisor,
        String note,
        Instant acknowledgedAt,
        String link) implements DomainEvent {

    public RelayAcknowledged {
        Objects.requireNonNull(relayId, "relayId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(meetingKind, "meetingKind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(meetingTitle, "meetingTitle");
        Objects.requireNonNull(absentee, "absentee");
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return meetingId.toString();
    }
}
