package work.remote.meeting;

import java.util.ArrayList;
import java.util.List;

import work.remote.events.meeting.MeetingKind;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;

/**
 * How many people and minutes each kind of meeting may take. A discussion follows the playbook: at most 6
 * people, at most 45 minutes. A training reaches the CS lead and the on-duty agents at once, so it may be
 * larger and longer; an after-action review needs time to go through expected, actual, why, keep and change.
 * Every meeting is at least {@link #MIN_MINUTES} long: presentation, reading and some discussion.
 */
public record MeetingLimits(MeetingKind kind, int maxParticipants, int maxMinutes) {

    public static final int MIN_MINUTES = Agenda.MIN_PRESENTATION_MINUTES + Agenda.READING_MINUTES
            + Agenda.MIN_DISCUSSION_MINUTES;

    public static MeetingLimits of(MeetingKind kind) {
        return switch (kind) {
            case DISCUSSION -> new MeetingLimits(kind, 6, 45);
            case TRAINING -> new MeetingLimits(kind, 12, 90);
            case RETROSPECTIVE -> new MeetingLimits(kind, 10, 60);
        };
    }

    /** Refuses a meeting of {@code participants} people lasting {@code minutes}, naming the rule it breaks. */
    public void check(int participants, int minutes) {
        List<Problem.Violation> broken = new ArrayList<>();
        if (participants > maxParticipants) {
            broken.add(new Problem.Violation("invitees", "a " + kind + " meeting has at most " + maxParticipants
                    + " participants (host included); this one has " + participants));
        }
        if (minutes > maxMinutes) {
            broken.add(new Problem.Violation("durationMinutes", "a " + kind + " meeting lasts at most " + maxMinutes
                    + " minutes; " + minutes + " asked"));
        }
        if (minutes < MIN_MINUTES) {
            broken.add(new Problem.Violation("durationMinutes", "a meeting needs at least " + MIN_MINUTES
                    + " minutes for presentation, reading and discussion; " + minutes + " asked"));
        }
        if (!broken.isEmpty()) {
            throw new ProblemException(400, "meeting-limits", "The meeting breaks the limits of its kind",
                    String.join("; ", broken.stream().map(Problem.Violation::message).toList()), broken);
        }
    }
}
