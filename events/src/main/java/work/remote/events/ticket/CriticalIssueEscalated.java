package work.remote.events.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A critical issue was escalated beyond the targets its report went to: first when nobody acknowledged it in time,
 * again when it is still unresolved at the at-risk mark. Raised once per ticket and level.
 *
 * @param launchId {@code null} for a ticket outside a launch
 * @param level 1 for the first escalation, 2 for the second
 * @param assignee who works on it; {@code null} when nobody acknowledged it
 */
public record CriticalIssueEscalated(
        UUID ticketId,
        UUID launchId,
        String title,
        Impact impact,
        int level,
        EscalationReason reason,
        String assignee,
        Instant reportedAt,
        Instant resolveBy,
        Instant escalatedAt,
        String link) implements TicketEvent {

    public CriticalIssueEscalated {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(impact, "impact");
        if (level < 1 || level > 2) {
            throw new IllegalArgumentException("level must be 1 or 2: " + level);
        }
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(resolveBy, "resolveBy");
        Objects.requireNonNull(escalatedAt, "escalatedAt");
        Objects.requireNonNull(link, "link");
    }
}
