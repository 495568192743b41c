package work.remote.events.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A ticket moved in its workflow, or was acknowledged: taken on by a person, which moves it to
 * {@link TicketStatus#IN_PROGRESS} with them as assignee. Resolving also raises {@link TicketResolved}.
 *
 * @param launchId {@code null} for a ticket outside a launch
 * @param assignee who works on it after the change; {@code null} when nobody is assigned
 * @param note why, as the person moving it wrote it; {@code null} when they wrote nothing
 * @param resolveBy the deadline of a critical issue; {@code null} for a ticket without one
 */
public record TicketStatusChanged(
        UUID ticketId,
        UUID launchId,
        String title,
        Severity severity,
        TicketStatus from,
        TicketStatus to,
        String assignee,
        boolean acknowledged,
        String note,
        String changedBy,
        Instant changedAt,
        Instant resolveBy,
        String link) implements TicketEvent {

    public TicketStatusChanged {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from == to) {
            throw new IllegalArgumentException("a status change moves the ticket: from and to are both " + to);
        }
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(link, "link");
    }
}
