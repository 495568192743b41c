package work.remote.events.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A critical issue is still unresolved at the warning point of its clock (2 hours after the report by
 * default). Raised once per ticket.
 *
 * @param launchId {@code null} for a ticket outside a launch
 * @param assignee who works on it; {@code null} when nobody is assigned yet
 * @param minutesRemaining whole minutes left until {@code resolveBy}
 */
public record SlaAtRisk(
        UUID ticketId,
        UUID launchId,
        String title,
        Impact impact,
        String assignee,
        Instant reportedAt,
        Instant resolveBy,
        long minutesRemaining,
        String link) implements TicketEvent {

    public SlaAtRisk {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(resolveBy, "resolveBy");
        if (minutesRemaining < 0) {
            throw new IllegalArgumentException("minutesRemaining cannot be negative: " + minutesRemaining);
        }
        Objects.requireNonNull(link, "link");
    }
}
