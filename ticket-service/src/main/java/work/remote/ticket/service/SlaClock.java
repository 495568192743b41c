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

import work.remote.platform.outbox.Outbox;
import work.remote.events.ticket.SlaAtRisk;
import work.remote.events.ticket.SlaBreached;
import work.remote.ticket.Ticket;
import work.remote.ticket.TicketChange;
import work.remote.ticket.config.TicketConfig;

/**
 * Announces critical tickets whose deadline is near ({@code SlaAtRisk}) or passed ({@code SlaBreached}), each
 * exactly once: the announcement is remembered on the ticket in the same transaction as its outbox event, and
 * due tickets are locked with {@code SKIP LOCKED}, so a restart forgets nothing and two replicas never both
 * announce the same ticket.
 */
@ApplicationScoped
public class SlaClock {

    static final String ACTOR = "sla-clock";
    private static final int SKIP_LOCKED = -2;

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final TicketService tickets;
    private final TicketConfig.Sla sla;
    private final Clock clock;

    @Inject
    public SlaClock(EntityManager entityManager, Outbox outbox, TicketService tickets, TicketConfig config,
            Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.tickets = tickets;
        this.sla = config.sla();
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
        Ticket.Condition atRiskNow = Ticket.atRisk(now, sla.atRiskAfter());
        List<Ticket> atRisk = due("from Ticket where atRiskAnnouncedAt is null and " + atRiskNow.hql(),
                atRiskNow.parameters());
        for (Ticket ticket : atRisk) {
            Duration left = Duration.between(now, ticket.resolveBy);
            outbox.publish(new SlaAtRisk(ticket.id, ticket.launchId, ticket.title, ticket.impact, ticket.assignee,
                    ticket.reportedAt, ticket.resolveBy, left.toMinutes(), tickets.linkTo(ticket)));
            ticket.atRiskAnnouncedAt = now;
            TicketChange.record(ticket.id, now, ACTOR, "SLA_AT_RISK", left.toMinutes() + " minute(s) left");
        }
        List<Ticket> breached = due("""
                from Ticket where resolveBy is not null and resolvedAt is null and breachAnnouncedAt is null
                and resolveBy <= :now""", Map.of("now", now));
        for (Ticket ticket : breached) {
            outbox.publish(new SlaBreached(ticket.id, ticket.launchId, ticket.title, ticket.impact, ticket.assignee,
                    ticket.reportedAt, ticket.resolveBy, tickets.linkTo(ticket)));
            ticket.breachAnnouncedAt = now;
            TicketChange.record(ticket.id, now, ACTOR, "SLA_BREACHED", "deadline " + ticket.resolveBy + " passed");
        }
        return atRisk.size() + breached.size();
    }

    private List<Ticket> due(String query, Map<String, ?> parameters) {
        TypedQuery<Ticket> due = entityManager.createQuery(query, Ticket.class);
        parameters.forEach(due::setParameter);
        return due.setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, SKIP_LOCKED)
                .getResultList();
    }
}
