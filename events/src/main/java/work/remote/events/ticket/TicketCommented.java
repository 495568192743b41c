package work.remote.events.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone commented on a ticket.
 *
 * @param launchId {@code null} for a ticket outside a launch
 * @param body the comment as written
 */
public record TicketCommented(
        UUID ticketId,
        UUID launchId,
        String title,
        Severity severity,
        UUID commentId,
        String author,
        String body,
        Instant commentedAt,
        String link) implements TicketEvent {

    public TicketCommented {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(commentId, "commentId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(commentedAt, "commentedAt");
        Objects.requireNonNull(link, "link");
    }
}
