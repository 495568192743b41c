package work.remote.events.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A ticket was resolved; for a critical issue this stops its clock.
 *
 * @param launchId {@code null} for a ticket outside a launch
 * @param parentTicketId {@code null} for a parent ticket or a ticket outside a launch
 * @param withinSla whether it was resolved by its deadline; {@code null} for a ticket without a deadline
 */
public record TicketResolved(
        UUID ticketId,
        UUID launchId,
        UUID parentTicketId,
        String title,
        TicketType type,
        Severity severity,
        String resolution,
        String resolvedBy,
        Instant openedAt,
        Instant resolvedAt,
        Boolean withinSla,
        String link) implements TicketEvent {

    public TicketResolved {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(resolvedBy, "resolvedBy");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        Objects.requireNonNull(link, "link");
    }
}
