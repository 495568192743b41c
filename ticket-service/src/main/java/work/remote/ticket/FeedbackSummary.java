package work.remote.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketType;

/** What a launch's feedback tickets add up to: counts, critical issues still open, and how the deadlines went. */
public record FeedbackSummary(UUID launchId, long tickets, Map<TicketType, Long> byType,
        Map<Severity, Long> bySeverity, Map<TicketState, Long> byState, List<OpenCritical> openCritical,
        SlaOutcomes sla) {

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
