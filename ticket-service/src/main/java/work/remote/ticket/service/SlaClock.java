package work.remote.ticket.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.SpecHints;

import io.quarkus.scheduler.Scheduled;

import work.remote.events.ticket.EscalationReason;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.query.Criteria;
import work.remote.platform.query.Locking;
import work.remote.ticket.Actor;
import work.remote.ticket.Ticket;
import work.remote.ticket.TicketChange;
import work.remote.ticket.config.TicketConfig;

/**
 * The clock of critical issues. It announces those whose deadline is near ({@code SlaAtRisk}) or passed
 * ({@code SlaBreached}), and escalates those nobody acknowledged in time ({@code CriticalIssueEscalated} level 1) or
 * still unresolved at the at-risk mark (level 2), each exactly once: the announcement is remembered on the ticket in
 * the same transaction as its outbox event, and due tickets are locked with {@code SKIP LOCKED}, so a restart
 * forgets nothing and two replicas never both announce the same ticket.
 */
@ApplicationScoped
public class SlaClock {

    static final Actor ACTOR = Actor.service("sla-clock");

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final TicketService tickets;
    private final TicketConfig.Sla sla;
    private final TicketConfig.Escalation escalation;
    private final Clock clock;

    @Inject
    public SlaClock(EntityManager entityManager, Outbox outbox, TicketService tickets, TicketConfig config,
            Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.tickets = tickets;
        this.sla = config.sla();
        this.escalation = config.escalation();
        this.clock = clock;
    }

    @Scheduled(every = "${ticket.sla.check-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        announceDue();
    }

    /** Announces what is due now; returns how many announcements were made. */
    @Transactional
    public int announceDue() {
        Instant now = clock.instant();
        int announced = 0;
        for (Ticket ticket : due(Ticket.unacknowledged(now, escalation.unacknowledgedAfter())
                .add("unacknowledgedEscalatedAt is null", Map.of()))) {
            escalate(ticket, EscalationReason.UNACKNOWLEDGED, now, "level 1: nobody acknowledged it within "
                    + escalation.unacknowledgedAfter().toMinutes() + " minute(s)");
            ticket.unacknowledgedEscalatedAt = now;
            announced++;
        }
        for (Ticket ticket : due(Ticket.atRisk(now, sla.atRiskAfter()).add("atRiskAnnouncedAt is null", Map.of()))) {
            outbox.publish(ticket.atRiskEvent(now, tickets.linkTo(ticket)));
            ticket.atRiskAnnouncedAt = now;
            TicketChange.record(ticket.id, now, ACTOR, "SLA_AT_RISK",
                    Duration.between(now, ticket.resolveBy).toMinutes() + " minute(s) left");
            announced++;
        }
        for (Ticket ticket : due(Ticket.atRisk(now, sla.atRiskAfter())
                .add("unresolvedEscalatedAt is null", Map.of()))) {
            escalate(ticket, EscalationReason.UNRESOLVED_AT_RISK, now, "level 2: still unresolved at the at-risk mark, "
                    + Duration.between(now, ticket.resolveBy).toMinutes() + " minute(s) left");
            ticket.unresolvedEscalatedAt = now;
            announced++;
        }
        for (Ticket ticket : due(Ticket.pastDeadline(now).add("breachAnnouncedAt is null", Map.of()))) {
            outbox.publish(ticket.breachedEvent(tickets.linkTo(ticket)));
            ticket.breachAnnouncedAt = now;
            TicketChange.record(ticket.id, now, ACTOR, "SLA_BREACHED", "deadline " + ticket.resolveBy + " passed");
            announced++;
        }
        return announced;
    }

    private void escalate(Ticket ticket, EscalationReason reason, Instant now, String detail) {
        outbox.publish(ticket.escalatedEvent(reason, now, tickets.linkTo(ticket)));
        TicketChange.record(ticket.id, now, ACTOR, "ESCALATED", detail);
    }

    private List<Ticket> due(Criteria criteria) {
        TypedQuery<Ticket> due = entityManager.createQuery("from Ticket where " + criteria.query(), Ticket.class);
        criteria.parameters().forEach(due::setParameter);
        return due.setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, Locking.SKIP_LOCKED)
                .getResultList();
    }
}
