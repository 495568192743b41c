package work.remote.process.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.SpecHints;

import io.quarkus.scheduler.Scheduled;

import work.remote.platform.links.Links;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.query.Locking;
import work.remote.process.Checklist;
import work.remote.process.Rollout;
import work.remote.process.config.ProcessConfig;

/**
 * The playbook's Check step, "afterwards, ask people how the process works for them": on a rollout's follow-up date,
 * every participant who has not given adoption feedback is asked for it ({@code AdoptionFeedbackRequested}), once.
 * Due rollouts are locked with {@code SKIP LOCKED} and marked followed up in the same transaction as the outbox
 * events, and each participant's question is recorded only where none is, so neither a restart nor several replicas
 * ask anyone twice.
 */
@ApplicationScoped
public class AdoptionFollowUp {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Links links;
    private final Clock clock;
    private final ProcessConfig.AdoptionFollowUp config;

    @Inject
    public AdoptionFollowUp(EntityManager entityManager, Outbox outbox, Links links, Clock clock,
            ProcessConfig config) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
        this.config = config.adoptionFollowUp();
    }

    @Scheduled(every = "${process.adoption-follow-up.check-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        askDue();
    }

    /** Asks the participants of the rollouts whose follow-up date came; returns how many people were asked. */
    @Transactional
    public int askDue() {
        Instant now = clock.instant();
        int asked = 0;
        for (Rollout rollout : due(now)) {
            for (Checklist checklist : Checklist.unanswered(rollout.id)) {
                if (checklist.recordFeedbackRequested(now)) {
                    outbox.publish(checklist.feedbackRequestedEvent(rollout, now,
                            links.to("rollouts", rollout.id, "adoption-feedback")));
                    asked++;
                }
            }
            rollout.followedUp(now);
        }
        return asked;
    }

    /** Rollouts whose follow-up date came and that nobody followed up yet, skipping those another replica holds. */
    private List<Rollout> due(Instant now) {
        return entityManager.createQuery("from Rollout where followedUpAt is null and followUpAt <= :now "
                + "order by followUpAt, id", Rollout.class)
                .setParameter("now", now)
                .setMaxResults(config.batchSize())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, Locking.SKIP_LOCKED)
                .getResultList();
    }
}
