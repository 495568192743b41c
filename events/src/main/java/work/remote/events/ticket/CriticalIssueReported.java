package work.remote.events.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A critical issue (typically one that touches users' funds) was reported to product, which must resolve it
 * by {@code resolveBy} (3 hours after the report by default).
 *
 * @param launchId {@code null} for a ticket outside a launch
 * @param impactDetail what exactly users experience (e.g. "withdrawal to bank card fails with E1043");
 *        {@code null} when not given
 */
public record CriticalIssueReported(
        UUID ticketId,
        UUID launchId,
        String title,
        Impact impact,
        String impactDetail,
        int affectedUsers,
        String reporter,
        Instant reportedAt,
        Instant resolveBy,
        String link) implements TicketEvent {

    public CriticalIssueReported {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(impact, "impact");
        if (affectedUsers < 0) {
            throw new IllegalArgumentException("affectedUsers cannot be negative: " + affectedUsers);
        }
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(resolveBy, "resolveBy");
        if (!resolveBy.isAfter(reportedAt)) {
            throw new IllegalArgumentException("resolveBy " + resolveBy + " must be after reportedAt " + reportedAt);
        }
        Objects.requireNonNull(link, "link");
    }
}
