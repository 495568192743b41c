package work.remote.events.meeting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

/**
 * A meeting was planned: one session of a discussion, a training or an after-action review.
 *
 * @param timeZone the IANA zone the host planned in (e.g. {@code Asia/Shanghai}), for showing {@code startsAt}
 * @param joinLink the remote meeting room
 * @param materialLink what participants read during the reading phase; {@code null} when there is none
 * @param sessionNumber which of the {@code sessionCount} sessions planned together for the subject this is
 */
public record MeetingScheduled(
        UUID meetingId,
        MeetingKind kind,
        MeetingSubject subject,
        String title,
        String host,
        Instant startsAt,
        int durationMinutes,
        String timeZone,
        String joinLink,
        String materialLink,
        int sessionNumber,
        int sessionCount,
        List<Invitee> invitees,
        List<AgendaItem> agenda,
        String link) implements DomainEvent {

    public MeetingScheduled {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startsAt, "startsAt");
        if (durationMinutes < 1) {
            throw new IllegalArgumentException("durationMinutes must be at least 1: " + durationMinutes);
        }
        ZoneId.of(Objects.requireNonNull(timeZone, "timeZone"));
        Objects.requireNonNull(joinLink, "joinLink");
        if (sessionNumber < 1 || sessionNumber > sessionCount) {
            throw new IllegalArgumentException("session " + sessionNumber + " of " + sessionCount);
        }
        invitees = List.copyOf(Objects.requireNonNull(invitees, "invitees"));
        if (invitees.isEmpty()) {
            throw new IllegalArgumentException("A meeting needs at least one invitee");
        }
        agenda = List.copyOf(Objects.requireNonNull(agenda, "agenda"));
        Objects.requireNonNull(link, "link");
    }

    @Override
    public String eventSubject() {
        return meetingId.toString();
    }
}
