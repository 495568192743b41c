package work.remote.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.events.ticket.Impact;
import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketType;
import work.remote.platform.problem.ProblemException;

/**
 * A reported problem, request or question. Anything that touches users' money is CRITICAL whatever the number
 * of affected users, and carries a deadline by which it must be resolved.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    /** A condition on tickets in HQL, with the values of its named parameters. */
    public record Condition(String hql, Map<String, Object> parameters) {
    }

    @Id
    public UUID id;

    @Column(name = "launch_id")
    public UUID launchId;

    @Column(name = "parent_id")
    public UUID parentId;

    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    public TicketType type;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    public Impact impact;

    @Column(name = "impact_detail")
    public String impactDetail;

    @Column(name = "affected_users")
    public int affectedUsers;

    public String reporter;

    @Enumerated(EnumType.STRING)
    public TicketState state;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "resolve_by")
    public Instant resolveBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public String assignee;

    /** Where to see more: chat messages, screenshots, logs. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> links = List.of();

    @Column(name = "at_risk_announced_at")
    public Instant atRiskAnnouncedAt;

    @Column(name = "breach_announced_at")
    public Instant breachAnnouncedAt;

    @Version
    public long version;

    /** Opens a ticket; a money impact makes it critical with a deadline {@code criticalResolveWithin} from now. */
    public static Ticket report(TicketType type, String title, String description, Impact impact, String impactDetail,
            int affectedUsers, String reporter, Instant now, Duration criticalResolveWithin) {
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.type = type;
        ticket.title = title;
        ticket.description = description;
        ticket.impact = impact;
        ticket.impactDetail = impactDetail;
        ticket.affectedUsers = affectedUsers;
        ticket.reporter = reporter;
        ticket.state = TicketState.OPEN;
        ticket.reportedAt = now;
        ticket.severity = severityOf(impact);
        ticket.resolveBy = ticket.isCritical() ? now.plus(criticalResolveWithin) : null;
        return ticket;
    }

    static Severity severityOf(Impact impact) {
        if (impact.touchesFunds()) {
            return Severity.CRITICAL;
        }
        return switch (impact) {
            case FEATURE_UNAVAILABLE -> Severity.HIGH;
            case DEGRADED -> Severity.MEDIUM;
            default -> Severity.LOW;
        };
    }

    /**
     * Moves the ticket along its workflow. Resolving stops its deadline clock; reopening restarts it from the
     * original report time, so the deadline stays where it was.
     */
    public void moveTo(TicketState target, Instant now) {
        if (!state.next().contains(target)) {
            throw ProblemException.conflict("illegal-transition", "Illegal ticket transition",
                    "A " + state + " ticket cannot move to " + target + "; allowed: " + state.next());
        }
        state = target;
        if (target == TicketState.RESOLVED) {
            resolvedAt = now;
        } else if (target == TicketState.REOPENED) {
            resolvedAt = null;
        }
    }

    /** Whether a resolved ticket met its deadline; null when it had none. */
    public Boolean resolvedWithinSla() {
        return resolveBy == null || resolvedAt == null ? null : !resolvedAt.isAfter(resolveBy);
    }

    public boolean isCritical() {
        return severity == Severity.CRITICAL;
    }

    /**
     * The at-risk rule as a query condition: unresolved, with a deadline still ahead, and reported at least
     * {@code atRiskAfter} before {@code now}.
     */
    public static Condition atRisk(Instant now, Duration atRiskAfter) {
        return new Condition("resolveBy is not null and resolvedAt is null and reportedAt <= :atRiskSince"
                + " and resolveBy > :now", Map.of("atRiskSince", now.minus(atRiskAfter), "now", now));
    }

    /** Time left until the deadline (negative once breached); null for tickets without one or already resolved. */
    public Duration timeRemaining(Instant now) {
        if (resolveBy == null || resolvedAt != null) {
            return null;
        }
        return Duration.between(now, resolveBy);
    }
}
