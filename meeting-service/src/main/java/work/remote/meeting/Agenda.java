package work.remote.meeting;

import java.util.ArrayList;
import java.util.List;

import work.remote.events.meeting.AgendaItem.Phase;

/**
 * Generates a meeting's agenda: the host presents (5–10 minutes), everyone reads the material (5 minutes),
 * open parking-lot items of the subject are taken up ({@value #PARKING_LOT_MINUTES} minutes each, as many as
 * leave at least {@value #MIN_DISCUSSION_MINUTES} minutes of discussion; the rest stay open for the next
 * meeting), and questions and discussion fill the rest. The timeboxes add up to the meeting's duration.
 */
public final class Agenda {

    public static final int MIN_PRESENTATION_MINUTES = 5;
    public static final int MAX_PRESENTATION_MINUTES = 10;
    public static final int READING_MINUTES = 5;
    public static final int PARKING_LOT_MINUTES = 3;
    public static final int MIN_DISCUSSION_MINUTES = 5;

    private Agenda() {
    }

    public static List<AgendaSlot> generate(int durationMinutes, int presentationMinutes, String subjectTitle,
            String focus, String materialLink, List<ParkingLotItem> openItems) {
        if (presentationMinutes < MIN_PRESENTATION_MINUTES || presentationMinutes > MAX_PRESENTATION_MINUTES) {
            throw new IllegalArgumentException("presentation must take 5 to 10 minutes: " + presentationMinutes);
        }
        List<AgendaSlot> agenda = new ArrayList<>();
        agenda.add(AgendaSlot.of(Phase.PRESENTATION, "The host presents " + subjectTitle, presentationMinutes, null));
        agenda.add(AgendaSlot.of(Phase.READING, "Everyone reads " + (materialLink == null ? "the material" : materialLink),
                READING_MINUTES, null));
        int discussion = durationMinutes - presentationMinutes - READING_MINUTES;
        for (ParkingLotItem item : openItems) {
            if (discussion - PARKING_LOT_MINUTES < MIN_DISCUSSION_MINUTES) {
                break;
            }
            agenda.add(AgendaSlot.of(Phase.PARKING_LOT, item.proposal + " (parked by " + item.proposedBy + ")",
                    PARKING_LOT_MINUTES, item.id));
            discussion -= PARKING_LOT_MINUTES;
        }
        if (discussion < MIN_DISCUSSION_MINUTES) {
            throw new IllegalArgumentException("a " + durationMinutes + "-minute meeting leaves " + discussion
                    + " minutes of discussion");
        }
        agenda.add(AgendaSlot.of(Phase.DISCUSSION,
                focus == null ? "Questions and discussion" : "Questions and discussion, focus: " + focus, discussion,
                null));
        return agenda;
    }

    /** The presentation a meeting of this length gets unless the host asks otherwise: as long as allowed. */
    public static int defaultPresentationMinutes(int durationMinutes) {
        int room = durationMinutes - READING_MINUTES - MIN_DISCUSSION_MINUTES;
        return Math.max(MIN_PRESENTATION_MINUTES, Math.min(MAX_PRESENTATION_MINUTES, room));
    }
}
