package work.remote.events.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import work.remote.events.DomainEvent;

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
        String link) implements DomainEvent {

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

    @Override
    public String eventSubject() {
        return ticketId.toString();
    }

    @Override
    public String orderingKey() {
        return (launchId != null ? launchId : ticketId).toString();
    }
}
