package work.remote.meeting;

import java.time.Instant;
import java.time.ZoneId;

import work.remote.events.meeting.MeetingKind;
import work.remote.events.meeting.MeetingSubject;

/**
 * What every session planned together shares: kind, subject, host, the first start and the zone it was planned
 * in, the length and the presentation's share of it, the room and the material. A null {@code title} or
 * {@code joinLink} stands for the default: the kind and the subject's title, and a room of the meeting's own. The
 * {@code host} is a person id; {@code hostName} their display name, null when the planner is not the host.
 * {@code mixSmallGroups} says whether small function groups were asked to share a session.
 */
public record MeetingPlan(MeetingKind kind, MeetingSubject subject, String title, String host, String hostName,
        Instant startsAt,
        ZoneId zone, int durationMinutes, int presentationMinutes, String joinLink, String materialLink,
        boolean mixSmallGroups) {

    /** The title of session {@code sessionNumber} of {@code sessionCount}, naming its focus when it has one. */
    public String titleOf(int sessionNumber, int sessionCount, String focus) {
        String base = title != null ? title : switch (kind) {
            case DISCUSSION -> "Discussion of " + subject.title();
            case TRAINING -> "Training for " + subject.title();
            case RETROSPECTIVE -> "After-action review of " + subject.title();
        };
        String focused = focus == null ? base : base + ": " + focus;
        return sessionCount == 1 ? focused : focused + " (session " + sessionNumber + " of " + sessionCount + ")";
    }
}
