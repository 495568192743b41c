package work.remote.ticket;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

import work.remote.events.ticket.Gate;
import work.remote.events.ticket.LaunchClosed;
import work.remote.events.ticket.LaunchGatePassed;
import work.remote.events.ticket.LaunchPlanned;
import work.remote.events.ticket.LaunchStarted;
import work.remote.events.ticket.LaunchState;
import work.remote.events.ticket.LaunchStatusPosted;
import work.remote.events.ticket.RuleChanged;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.revision.Revision;

/**
 * A feature launch coordinated between product and customer support. Before it starts, its state follows the
 * gates it has passed; starting opens the parent feedback ticket, closing ends it.
 */
@Entity
@Table(name = "launch")
public class Launch extends PanacheEntityBase {

    @Id
    public UUID id;

    public String feature;

    @Column(name = "planned_launch_at")
    public Instant plannedLaunchAt;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "product_owner")
    public String productOwner;

    @Column(name = "cs_lead")
    public String csLead;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cs_agents")
    public List<String> csAgents;

    @Column(name = "cs_channel")
    public String csChannel;

    @Column(name = "rules_document_link")
    public String rulesDocumentLink;

    @Column(name = "rules_document_version")
    public int rulesDocumentVersion;

    @Enumerated(EnumType.STRING)
    public LaunchState state;

    @Column(name = "final_round_confirmed_at")
    public Instant finalRoundConfirmedAt;

    @Column(name = "final_round_confirmed_by")
    public String finalRoundConfirmedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "training_kit")
    public TrainingKit trainingKit;

    @Column(name = "parent_ticket_id")
    public UUID parentTicketId;

    @Column(name = "planned_at")
    public Instant plannedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "started_by")
    public String startedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Version
    public long version;

    /**
     * Plans a launch at {@code localLaunchAt} in {@code timeZone}, which must lie ahead of {@code now}; the launch
     * starts PLANNED with rules document version 1.
     */
    public static Launch plan(String feature, LocalDateTime localLaunchAt, String timeZone, String productOwner,
            String csLead, List<String> csAgents, String csChannel, String rulesDocumentLink, Instant now) {
        Instant plannedLaunchAt = localLaunchAt.atZone(zoneOf(timeZone)).toInstant();
        if (!plannedLaunchAt.isAfter(now)) {
            throw ProblemException.invalid("plannedLaunchAt", "must be in the future");
        }
        if (new HashSet<>(csAgents).size() != csAgents.size()) {
            throw ProblemException.invalid("csAgents", "names each agent once");
        }
        Launch launch = new Launch();
        launch.id = UUID.randomUUID();
        launch.feature = feature;
        launch.plannedLaunchAt = plannedLaunchAt;
        launch.timeZone = timeZone;
        launch.productOwner = productOwner;
        launch.csLead = csLead;
        launch.csAgents = List.copyOf(csAgents);
        launch.csChannel = csChannel;
        launch.rulesDocumentLink = rulesDocumentLink;
        launch.rulesDocumentVersion = 1;
        launch.state = LaunchState.PLANNED;
        launch.plannedAt = now;
        return launch;
    }

    private static ZoneId zoneOf(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "is not a time zone such as Europe/Berlin: " + timeZone);
        }
    }

    /** The planned launch time in the launch's own zone. */
    public ZonedDateTime plannedLaunchLocal() {
        return plannedLaunchAt.atZone(ZoneId.of(timeZone));
    }

    /** The CS lead first, then the agents: everyone who must take part in onboarding and be trained. */
    public List<String> csTeam() {
        List<String> team = new ArrayList<>();
        team.add(csLead);
        csAgents.stream().filter(agent -> !agent.equals(csLead)).forEach(team::add);
        return team;
    }

    public boolean isInCsTeam(String person) {
        return csLead.equals(person) || csAgents.contains(person);
    }

    public void requireCsTeam(String person) {
        if (!isInCsTeam(person)) {
            throw ProblemException.invalid("person", person + " is neither the CS lead nor a CS agent of this launch");
        }
    }

    public boolean hasStarted() {
        return state == LaunchState.LIVE || state == LaunchState.CLOSED;
    }

    /** Before the start, the state shows how far the preparation got: the gates passed so far. */
    public void followGates(Set<Gate> passed) {
        if (hasStarted()) {
            return;
        }
        if (!passed.contains(Gate.FINAL_ROUND_CONFIRMED)) {
            state = LaunchState.PLANNED;
        } else if (!passed.contains(Gate.ONBOARDING_ATTENDED)) {
            state = LaunchState.ONBOARDING;
        } else if (!passed.containsAll(EnumSet.of(Gate.TRAINING_KIT_COMPLETE, Gate.TRAINING_DELIVERED))) {
            state = LaunchState.TRAINING;
        } else {
            state = LaunchState.READY;
        }
    }

    /** Refuses a change made to an older revision than the current one; a null {@code expected} names none. */
    public void requireRevision(Long expected) {
        Revision.require("launch " + id, version, expected);
    }

    public void requireNotStarted(String action) {
        if (hasStarted()) {
            throw ProblemException.conflict("launch-already-started", "The launch has already started",
                    "Cannot " + action + ": launch " + id + " is " + state);
        }
    }

    public void requireNotClosed(String action) {
        if (state == LaunchState.CLOSED) {
            throw ProblemException.conflict("launch-closed", "The launch is closed",
                    "Cannot " + action + ": launch " + id + " is closed");
        }
    }

    public void requireState(LaunchState required, String action) {
        if (state != required) {
            throw ProblemException.conflict("launch-state", "Not possible in the launch's state",
                    "Cannot " + action + ": launch " + id + " is " + state + ", it must be " + required);
        }
    }

    /** Product says this onboarding round is the final one; returns false when it was confirmed already. */
    public boolean confirmFinalRound(String actor, Instant now) {
        requireNotStarted("confirm the final onboarding round");
        if (finalRoundConfirmedAt != null) {
            return false;
        }
        finalRoundConfirmedAt = now;
        finalRoundConfirmedBy = actor;
        return true;
    }

    /** The CS team takes part in onboarding only once product has confirmed the final round. */
    public void requireFinalRoundConfirmed() {
        if (finalRoundConfirmedAt == null) {
            throw ProblemException.conflict("final-round-not-confirmed", "The final onboarding round is not confirmed",
                    "The CS team takes part only once product has confirmed the final onboarding round");
        }
    }

    /**
     * A newer version of the rules document, at {@code newLink} or, when null, where the current one is; the
     * version must be higher than the current one.
     */
    public RuleChange changeRules(String summary, int documentVersion, String newLink, Actor actor, Instant now) {
        requireNotClosed("change its rules");
        if (documentVersion <= rulesDocumentVersion) {
            throw ProblemException.conflict("stale-rules-version", "Not a newer rules document",
                    "The rules document is at version " + rulesDocumentVersion + "; a change must bring "
                            + (rulesDocumentVersion + 1) + " or later, not " + documentVersion);
        }
        rulesDocumentVersion = documentVersion;
        rulesDocumentLink = newLink == null ? rulesDocumentLink : newLink;
        return RuleChange.of(this, summary, actor, now);
    }

    public void start(UUID parentTicket, String actor, Instant now) {
        requireNotStarted("start it");
        parentTicketId = parentTicket;
        startedBy = actor;
        startedAt = now;
        state = LaunchState.LIVE;
    }

    public void close(String actor, Instant now) {
        requireState(LaunchState.LIVE, "close it");
        closedBy = actor;
        closedAt = now;
        state = LaunchState.CLOSED;
    }

    public LaunchPlanned plannedEvent(String link) {
        return new LaunchPlanned(id, feature, plannedLaunchAt, timeZone, productOwner, csLead, csAgents, csChannel,
                rulesDocumentLink, plannedAt, link);
    }

    public LaunchGatePassed gatePassedEvent(Gate gate, List<Gate> openGates, String passedBy, Instant passedAt,
            String link) {
        return new LaunchGatePassed(id, feature, gate, state, openGates, passedBy, passedAt, link);
    }

    /** {@code overriddenGates} is empty, and {@code overrideReason} null, when every gate had passed. */
    public LaunchStarted startedEvent(String parentTicketLink, List<Gate> overriddenGates, String overrideReason,
            String link) {
        return new LaunchStarted(id, feature, parentTicketId, parentTicketLink, csChannel, rulesDocumentLink, startedBy,
                startedAt, overriddenGates, overrideReason, link);
    }

    public LaunchStatusPosted statusPostedEvent(StatusPost post, String link) {
        return new LaunchStatusPosted(id, feature, post.phase, post.message, post.expectedSymptoms, csChannel,
                post.postedBy, post.postedAt, link);
    }

    public RuleChanged ruleChangedEvent(RuleChange change, String link) {
        return new RuleChanged(id, feature, change.summary, change.documentVersion, change.rulesDocumentLink, csChannel,
                change.changedBy, change.changedAt, link);
    }

    public LaunchClosed closedEvent(FeedbackSummary feedback, String link) {
        return new LaunchClosed(id, feature, productOwner, csLead, csAgents, startedAt, closedAt, closedBy,
                (int) feedback.tickets(), (int) feedback.sla().critical(), feedback.openCritical().size(),
                (int) feedback.sla().breached(), link);
    }
}
