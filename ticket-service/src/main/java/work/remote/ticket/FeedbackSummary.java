package work.remote.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketType;

/**
 * What a launch's feedback tickets add up to: counts, critical issues still open, and how the deadlines went.
 *
 * @param openCritical the most urgent open critical issues (earliest deadline first), at most
 *        {@link #OPEN_CRITICAL_SHOWN}; all {@code openCriticalTotal} of them are pages of {@code openCriticalLink}
 */
public record FeedbackSummary(UUID launchId, long tickets, Map<TicketType, Long> byType,
        Map<Severity, Long> bySeverity, Map<TicketState, Long> byState, List<OpenCritical> openCritical,
        long openCriticalTotal, String openCriticalLink, SlaOutcomes sla) {

    /** How many open critical issues the summary itself names. */
    public static final int OPEN_CRITICAL_SHOWN = 20;

    public record OpenCritical(UUID id, String title, TicketState state, String assignee, Instant resolveBy,
            long secondsRemaining, String link) {
    }

    /**
     * @param met resolved by the deadline
     * @param breached resolved after the deadline, or still open past it
     * @param pending still open, deadline ahead
     */
    public record SlaOutcomes(long critical, long met, long breached, long pending) {
    }
}
