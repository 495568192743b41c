package work.remote.events.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A ticket was opened: a child of a launch's parent feedback ticket, the parent itself, or a ticket outside
 * any launch. An impact that touches users' funds is always {@link Severity#CRITICAL}.
 *
 * @param launchId the launch the ticket belongs to; {@code null} for a ticket outside a launch
 * @param parentTicketId the parent feedback ticket; {@code null} for the parent itself or a ticket outside a launch
 * @param affectedUsers how many users are known to be affected (0 when unknown or none)
 */
public record TicketOpened(
        UUID ticketId,
        UUID launchId,
        UUID parentTicketId,
        String title,
        TicketType type,
        Severity severity,
        Impact impact,
        int affectedUsers,
        String reporter,
        Instant openedAt,
        String link) implements TicketEvent {

    public TicketOpened {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(impact, "impact");
        if (impact.touchesFunds() && severity != Severity.CRITICAL) {
            throw new IllegalArgumentException("Impact " + impact + " touches users' funds: severity must be CRITICAL, not " + severity);
        }
        if (affectedUsers < 0) {
            throw new IllegalArgumentException("affectedUsers cannot be negative: " + affectedUsers);
        }
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(link, "link");
    }
}
