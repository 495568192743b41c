package work.remote.notification.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import work.remote.events.EventType;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.notification.config.NotificationConfig;

/**
 * Looks for critical issues whose Slack message is still not delivered {@code notification.escalation.after} after
 * it was planned, and escalates each (once: {@link CriticalIssueEscalation}). A dead one escalates as it dies; this
 * catches those that keep failing transiently or wait for a token.
 */
@ApplicationScoped
public class EscalationWatch {

    private static final Logger LOG = Logger.getLogger(EscalationWatch.class);
    private static final int BATCH = 100;

    private final EntityManager entityManager;
    private final Clock clock;
    private final NotificationConfig.Escalation config;
    private final CriticalIssueEscalation escalation;

    @Inject
    public EscalationWatch(EntityManager entityManager, Clock clock, NotificationConfig config,
            CriticalIssueEscalation escalation) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config.escalation();
        this.escalation = escalation;
    }

    @Scheduled(every = "${notification.escalation.check-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        escalateLate();
    }

    /** Escalates every critical issue whose Slack message is late and was not escalated yet; answers how many. */
    public int escalateLate() {
        int escalated = 0;
        for (String ceId : lateCriticalIssues()) {
            try {
                if (QuarkusTransaction.requiringNew()
                        .call(() -> escalation.escalate(ceId, CriticalIssueEscalation.Trigger.LATE))) {
                    escalated++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Escalating critical issue event %s failed; the next check tries again", ceId);
            }
        }
        return escalated;
    }

    @SuppressWarnings("unchecked")
    private List<String> lateCriticalIssues() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select distinct d.ce_id from delivery d
                where d.ce_type = ?1 and d.channel = 'SLACK' and d.purpose = 'NOTICE' and d.state <> 'DELIVERED'
                  and d.created_at <= ?2
                  and not exists (select 1 from critical_escalation e where e.ce_id = d.ce_id)""")
                .setParameter(1, EventType.of(CriticalIssueReported.class).ceType())
                .setParameter(2, clock.instant().minus(config.after()))
                .setMaxResults(BATCH)
                .getResultList());
    }
}
