package work.remote.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import work.remote.platform.DrainLoop;

/**
 * Publishes committed outbox rows to Kafka in outbox order, which keeps the order of every aggregate's events.
 * <p>
 * One drain at a time per database: a drain holds a transaction-scoped PostgreSQL advisory lock, so with
 * several replicas only one publishes while the others' nudges find the lock taken and retry shortly. A row
 * is marked sent only after the broker acknowledged it; a row whose send failed stays unsent and is retried
 * with the same {@code ce_id}, so consumers can de-duplicate a redelivery.
 * <p>
 * The rows a writing transaction could claim are sent from memory right after its commit ({@link OutboxFastPath},
 * which also argues why the order of an aggregate holds); this drain sends the others and takes over after a failure
 * or a crash. It leaves a row claimed by a fast path, and every later row of its ordering key, until the claim is
 * answered or has expired. While it holds back a row nobody claims it looks again every {@value #HELD_RECHECK_MILLIS}
 * ms, and sooner when this replica's fast path records its sends; claimed rows alone it leaves to their fast path and,
 * once their claim expired, to the next poll.
 * <p>
 * A row the broker will never take (too large, an invalid topic: see {@link PublishFailures}) is parked instead:
 * {@code parked_at} and {@code last_error} say when and why, {@code remote_work.outbox.parked} counts it, an error
 * is logged, and the rows after it are published without it.
 * <p>
 * Published rows are deleted after {@code remote-work.retention.outbox} (see {@code RetentionPurge}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The transaction-scoped advisory lock one drain holds per database. */
    public static final long ADVISORY_LOCK_KEY = 0x72772d6f7574626fL;
    private static final Duration LOCK_BUSY_RETRY = Duration.ofMillis(50);
    private static final long HELD_RECHECK_MILLIS = 20;

    private final EntityManager entityManager;
    private final OutboxPublisher publisher;
    private final OutboxConfig config;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private final Counter parked;
    private final DrainLoop loop = new DrainLoop("outbox-relay", this::drain);
    private final AtomicBoolean holding = new AtomicBoolean();

    @Inject
    public OutboxRelay(EntityManager entityManager, OutboxPublisher publisher, OutboxConfig config, Clock clock,
            MeterRegistry meters) {
        this.entityManager = entityManager;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.published = meters.counter("remote_work.outbox.published");
        this.failures = meters.counter("remote_work.outbox.publish.failures");
        this.parked = meters.counter("remote_work.outbox.parked");
    }

    void onStart(@Observes StartupEvent startup) {
        nudge();
    }

    /** Asks for a drain soon; calls while one is already queued coalesce into it. */
    public void nudge() {
        loop.nudge();
    }

    /** Asks for a drain when the last one left rows behind a fast path's claim. */
    public void nudgeIfHolding() {
        if (holding.get()) {
            nudge();
        }
    }

    @Scheduled(every = "${remote-work.outbox.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    private Optional<Duration> drain() {
        BatchResult result;
        do {
            result = QuarkusTransaction.requiringNew().call(this::publishBatch);
        } while (result == BatchResult.MORE);
        holding.set(result == BatchResult.HELD);
        return switch (result) {
            case LOCKED_ELSEWHERE -> Optional.of(LOCK_BUSY_RETRY);
            case HELD -> Optional.of(Duration.ofMillis(HELD_RECHECK_MILLIS));
            case FAILED -> Optional.of(config.retryBackoff());
            default -> Optional.empty();
        };
    }

    private BatchResult publishBatch() {
        Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ADVISORY_LOCK_KEY)
                .getSingleResult();
        if (!locked) {
            return BatchResult.LOCKED_ELSEWHERE;
        }
        List<OutboxEvent> unsent = entityManager
                .createQuery("from OutboxEvent e where e.sentAt is null and e.parkedAt is null order by e.position",
                        OutboxEvent.class)
                .setMaxResults(config.batchSize())
                .getResultList();
        Sendable sendable = withoutClaimed(unsent);
        List<OutboxEvent> batch = sendable.rows();
        boolean held = sendable.holdsBackUnclaimed();
        if (batch.isEmpty()) {
            return held ? BatchResult.HELD : BatchResult.DRAINED;
        }
        List<OutboxPublisher.Delivery> deliveries = publisher.publishInOrder(batch);
        for (OutboxPublisher.Delivery delivery : deliveries) {
            OutboxEvent row = delivery.row();
            row.attempts++;
            if (delivery.failure() == null) {
                row.sentAt = clock.instant();
                row.claimedUntil = null;
                published.increment();
                continue;
            }
            row.lastError = String.valueOf(delivery.failure());
            if (!PublishFailures.isPermanent(delivery.failure())) {
                failures.increment();
                LOG.warnf("Publishing outbox event %s (%s) failed after %d attempt(s), retrying in %s: %s", row.id,
                        row.ceType, row.attempts, config.retryBackoff(), row.lastError);
                return BatchResult.FAILED;
            }
            row.parkedAt = clock.instant();
            parked.increment();
            LOG.errorf("Parked outbox event %s (%s, subject %s, position %d): the broker will never take it (%s); "
                    + "the events after it go on", row.id, row.ceType, row.ceSubject, row.position, row.lastError);
        }
        if (deliveries.size() < batch.size() || unsent.size() == config.batchSize()) {
            return BatchResult.MORE;
        }
        return held ? BatchResult.HELD : BatchResult.DRAINED;
    }

    /**
     * Leaves out each row a fast path still claims and every later row of its ordering key, so that nothing overtakes
     * a row in flight. Claims are compared with the system clock, as they are made with it.
     */
    private static Sendable withoutClaimed(List<OutboxEvent> unsent) {
        Instant now = Instant.now();
        Set<String> heldKeys = new HashSet<>();
        List<OutboxEvent> sendable = new ArrayList<>(unsent.size());
        boolean holdsBackUnclaimed = false;
        for (OutboxEvent row : unsent) {
            boolean claimed = row.claimedUntil != null && row.claimedUntil.isAfter(now);
            if (claimed || heldKeys.contains(row.orderingKey)) {
                heldKeys.add(row.orderingKey);
                holdsBackUnclaimed |= !claimed;
            } else {
                sendable.add(row);
            }
        }
        return new Sendable(sendable, holdsBackUnclaimed);
    }

    /**
     * The rows a drain may send now, and whether it left out a row nobody claims, which waits for an earlier claimed row
     * of its key: only then is the drain {@link BatchResult#HELD}. A claimed row alone is its fast path's to record.
     */
    private record Sendable(List<OutboxEvent> rows, boolean holdsBackUnclaimed) {
    }

    @PreDestroy
    public void stop() {
        loop.close();
    }

    private enum BatchResult {
        MORE, DRAINED, HELD, LOCKED_ELSEWHERE, FAILED
    }
}
