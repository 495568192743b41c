package work.remote.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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
import work.remote.events.ticket.LaunchState;
import work.remote.platform.problem.ProblemException;

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
}
