package work.remote.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

import work.remote.events.ticket.CriticalIssueEscalated;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.EscalationReason;
import work.remote.events.ticket.Impact;
import work.remote.events.ticket.Severity;
import work.remote.events.ticket.SlaAtRisk;
import work.remote.events.ticket.SlaBreached;
import work.remote.events.ticket.TicketCommented;
import work.remote.events.ticket.TicketOpened;
import work.remote.events.ticket.TicketResolved;
import work.remote.events.ticket.TicketStatus;
import work.remote.events.ticket.TicketStatusChanged;
import work.remote.events.ticket.TicketType;
import work.remote.platform.caller.Caller;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.query.Criteria;
import work.remote.platform.revision.Revision;

/**
 * A reported problem, request or question. Anything that touches users' money is CRITICAL whatever the number
 * of affected users, and carries a deadline by which it must be resolved.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

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

    /** The reporter's id. */
    public String reporter;

    /** The reporter's display name, as last learned from them. */
    @Column(name = "reporter_name")
    public String reporterName;

    @Enumerated(EnumType.STRING)
    public TicketState state;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "resolve_by")
    public Instant resolveBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** The assignee's id; null when nobody works on it. */
    public String assignee;

    /** The assignee's display name, as last learned from them; null until they act on the ticket. */
    @Column(name = "assignee_name")
    public String assigneeName;

    /** Where to see more: chat messages, screenshots, logs. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> links = List.of();

    @Column(name = "at_risk_announced_at")
    public Instant atRiskAnnouncedAt;

    @Column(name = "breach_announced_at")
    public Instant breachAnnouncedAt;

    /** The id of the person who took the ticket on; null until someone does, and again once it is reopened. */
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    /** Their display name when they acknowledged it. */
    @Column(name = "acknowledged_by_name")
    public String acknowledgedByName;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** When escalation level 1 (nobody acknowledged it in time) was raised; null while it was not. */
    @Column(name = "unacknowledged_escalated_at")
    public Instant unacknowledgedEscalatedAt;

    /** When escalation level 2 (unresolved at the at-risk mark) was raised; null while it was not. */
    @Column(name = "unresolved_escalated_at")
    public Instant unresolvedEscalatedAt;

    @Version
    public long version;

    /** Opens a ticket; a money impact makes it critical with a deadline {@code criticalResolveWithin} from now. */
    public static Ticket report(TicketType type, String title, String description, Impact impact, String impactDetail,
            int affectedUsers, Actor reporter, Instant now, Duration criticalResolveWithin) {
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.type = type;
        ticket.title = title;
        ticket.description = description;
        ticket.impact = impact;
        ticket.impactDetail = impactDetail;
        ticket.affectedUsers = affectedUsers;
        ticket.reporter = reporter.id();
        ticket.reporterName = reporter.name();
        ticket.state = TicketState.OPEN;
        ticket.reportedAt = now;
        ticket.severity = severityOf(impact);
        ticket.resolveBy = ticket.isCritical() ? now.plus(criticalResolveWithin) : null;
        return ticket;
    }

    /** Opens the ticket under which CS files a live launch's feedback. */
    public static Ticket feedbackParentOf(Launch launch, Actor product, Instant now) {
        Ticket parent = report(TicketType.REQUEST, "Feedback on the launch of " + launch.feature,
                "File every bug report, user request and question about " + launch.feature + " as a child of this "
                        + "ticket and post its link in " + launch.csChannel + ". Rules: " + launch.rulesDocumentLink,
                Impact.NONE, null, 0, product, now, Duration.ZERO);
        parent.launchId = launch.id;
        return parent;
    }

    /**
     * Gives the ticket to the person with the id {@code assignee}, or to nobody when null. Their name is known only
     * once they act on it (or when they take it themselves).
     */
    public void assign(String assignee, Caller by) {
        if (!Objects.equals(this.assignee, assignee)) {
            this.assignee = assignee;
            assigneeName = null;
        }
        learnNameOf(by);
    }

    /** Keeps the display name of the reporter or the assignee up to date when {@code caller} is that person. */
    public void learnNameOf(Caller caller) {
        if (caller.is(reporter)) {
            reporterName = caller.name();
        }
        if (caller.is(assignee)) {
            assigneeName = caller.name();
        }
    }

    /** Files this ticket under {@code parent}: it belongs to the parent's launch. */
    public void fileUnder(Ticket parent) {
        parentId = parent.id;
        launchId = parent.launchId;
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
            acknowledgedBy = null;
            acknowledgedByName = null;
            acknowledgedAt = null;
        }
    }

    /**
     * Whether {@code person} acknowledging the ticket would change it: false when they have acknowledged it already.
     * Refused when someone else has (409 naming them) or when the ticket is in no state to be taken on.
     */
    public boolean awaitsAcknowledgementBy(Caller person) {
        if (acknowledgedBy != null) {
            if (person.is(acknowledgedBy)) {
                return false;
            }
            String who = acknowledgedByName == null ? acknowledgedBy : acknowledgedByName + " (" + acknowledgedBy + ")";
            throw ProblemException.conflict("already-acknowledged", "Already acknowledged",
                    "Ticket " + id + " was acknowledged by " + who + " at " + acknowledgedAt);
        }
        if (state != TicketState.OPEN && state != TicketState.TRIAGED && state != TicketState.REOPENED) {
            throw ProblemException.conflict("illegal-transition", "Cannot be acknowledged",
                    "A " + state + " ticket cannot be acknowledged; only an OPEN, TRIAGED or REOPENED one");
        }
        return true;
    }

    /**
     * {@code person} takes the ticket on: it moves to IN_PROGRESS in one move, with them as its assignee. From OPEN
     * the acknowledgement is the triage, so it skips TRIAGED, the one move outside {@link TicketState#next()}.
     */
    public void acknowledge(Caller person, Instant now) {
        if (!awaitsAcknowledgementBy(person)) {
            return;
        }
        state = TicketState.IN_PROGRESS;
        assign(person.id(), person);
        acknowledgedBy = person.id();
        acknowledgedByName = person.name();
        acknowledgedAt = now;
    }

    /** Refuses a change made to an older revision than the current one; a null {@code expected} names none. */
    public void requireRevision(Long expected) {
        Revision.require("ticket " + id, version, expected);
    }

    /** Whether a resolved ticket met its deadline; null when it had none. */
    public Boolean resolvedWithinSla() {
        return resolveBy == null || resolvedAt == null ? null : !resolvedAt.isAfter(resolveBy);
    }

    public boolean isCritical() {
        return severity == Severity.CRITICAL;
    }

    private static final String PAST_DEADLINE = "resolveBy is not null and resolvedAt is null and resolveBy <= :now";

    /**
     * The at-risk rule as a query condition: unresolved, with a deadline still ahead, and reported at least
     * {@code atRiskAfter} before {@code now}.
     */
    public static Criteria atRisk(Instant now, Duration atRiskAfter) {
        return Criteria.where().add("resolveBy is not null and resolvedAt is null and reportedAt <= :atRiskSince"
                + " and resolveBy > :now", Map.of("atRiskSince", now.minus(atRiskAfter), "now", now));
    }

    /**
     * Escalation level 1 as a query condition: unresolved, nobody took it on ({@code OPEN}, {@code TRIAGED},
     * {@code REOPENED}), and reported at least {@code unacknowledgedAfter} before {@code now}.
     */
    public static Criteria unacknowledged(Instant now, Duration unacknowledgedAfter) {
        return Criteria.where().add("resolveBy is not null and resolvedAt is null and reportedAt <= :unacknowledgedSince"
                + " and state in :waiting", Map.of("unacknowledgedSince", now.minus(unacknowledgedAfter),
                        "waiting", List.of(TicketState.OPEN, TicketState.TRIAGED, TicketState.REOPENED)));
    }

    /** Unresolved at its deadline or past it, as a query condition. */
    public static Criteria pastDeadline(Instant now) {
        return Criteria.where().add(PAST_DEADLINE, Map.of("now", now));
    }

    /** Past its deadline unresolved, or resolved after it, as a query condition. */
    public static Criteria breached(Instant now) {
        return Criteria.where().add("(" + PAST_DEADLINE + ") or (resolveBy is not null and resolvedAt > resolveBy)",
                Map.of("now", now));
    }

    /** Time left until the deadline (negative once breached); null for tickets without one or already resolved. */
    public Duration timeRemaining(Instant now) {
        if (resolveBy == null || resolvedAt != null) {
            return null;
        }
        return Duration.between(now, resolveBy);
    }

    public TicketOpened openedEvent(String link) {
        return new TicketOpened(id, launchId, parentId, title, type, severity, impact, affectedUsers, reporter,
                reportedAt, link);
    }

    public CriticalIssueReported criticalIssueReportedEvent(String link) {
        return new CriticalIssueReported(id, launchId, title, impact, impactDetail, affectedUsers, reporter, reportedAt,
                resolveBy, link);
    }

    public TicketResolved resolvedEvent(String resolution, String resolvedBy, String link) {
        return new TicketResolved(id, launchId, parentId, title, type, severity, resolution, resolvedBy, reportedAt,
                resolvedAt, resolvedWithinSla(), link);
    }

    public SlaAtRisk atRiskEvent(Instant now, String link) {
        return new SlaAtRisk(id, launchId, title, impact, assignee, reportedAt, resolveBy,
                Duration.between(now, resolveBy).toMinutes(), link);
    }

    public TicketStatusChanged statusChangedEvent(TicketState from, boolean acknowledged, String note,
            String changedBy, Instant changedAt, String link) {
        return new TicketStatusChanged(id, launchId, title, severity, TicketStatus.valueOf(from.name()),
                TicketStatus.valueOf(state.name()), assignee, acknowledged, note, changedBy, changedAt, resolveBy, link);
    }

    public TicketCommented commentedEvent(TicketComment comment, String link) {
        return new TicketCommented(id, launchId, title, severity, comment.id, comment.author, comment.body, comment.at,
                link);
    }

    public CriticalIssueEscalated escalatedEvent(EscalationReason reason, Instant now, String link) {
        int level = reason == EscalationReason.UNACKNOWLEDGED ? 1 : 2;
        return new CriticalIssueEscalated(id, launchId, title, impact, level, reason, assignee, reportedAt, resolveBy,
                now, link);
    }

    public SlaBreached breachedEvent(String link) {
        return new SlaBreached(id, launchId, title, impact, assignee, reportedAt, resolveBy, link);
    }
}
