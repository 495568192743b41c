package work.remote.events.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A critical issue was not resolved by its deadline. Raised once per ticket.
 *
 * @param launchId {@code null} for a ticket outside a launch
 * @param assignee who works on it; {@code null} when nobody is assigned
 */
public record SlaBreached(
        UUID ticketId,
        UUID launchId,
        String title,
        Impact impact,
        String assignee,
        Instant reportedAt,
        Instant resolveBy,
        String link) implements TicketEvent {

    public SlaBreached {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(resolveBy, "resolveBy");
        Objects.requireNonNull(link, "link");
    }
}
