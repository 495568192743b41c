package work.remote.platform.outbox;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import work.remote.platform.DrainLoop;

/**
 * Sends the rows a transaction wrote to Kafka right after it commits, from memory, and records {@code sent_at}
 * afterwards, many rows per update. The {@link OutboxRelay}'s drain stays the fallback: for rows this path may not
 * take, after a failed send, and after a crash.
 * <p>
 * <b>Which rows.</b> When a transaction records the first event of an ordering key, one indexed query asks whether
 * that key has an unsent, unparked row; a key that is the random id of an aggregate the transaction created needs no
 * query, since no other transaction can know it yet. If it has none, the transaction's rows of that key are <em>claimed</em>: they
 * are written with {@code claimed_until} (now + {@code remote-work.outbox.fast-path-claim}) and sent from memory
 * after the commit, in the order they were recorded. Otherwise they are written unclaimed and the commit nudges the
 * drain. While the last sends of this replica failed (the broker is away), nothing is claimed.
 * <p>
 * <b>Why the order of an aggregate holds, also across replicas.</b> Take rows {@code p} and {@code r} of one key
 * where {@code p}'s transaction committed before {@code r}'s recorded {@code r} (the services lock an aggregate's row
 * before recording its events, so two writes of one aggregate are always in this relation). Then {@code p} has the
 * lower position, the sequence being drawn at insert, and the claim check of {@code r} sees {@code p}. The claim is:
 * the first copy of {@code p} reaches the partition before the first copy of {@code r}.
 * <ul>
 * <li>{@code r} sent by this path: its check found no unsent row of the key, so {@code p} was parked (never sent,
 * as before) or its {@code sent_at} was recorded, which happens only after the broker acknowledged it.</li>
 * <li>{@code r} sent by the drain: the drain sees {@code r}, hence {@code p}. It sends rows in position order and
 * skips a claimed row together with every later row of its key until the claim is answered or has expired. So if
 * {@code p} was unsent, the drain sent it (again, perhaps: a duplicate with the same {@code ce_id}, which consumers
 * drop) before {@code r}, on one producer, in one batch or an earlier acknowledged one; or {@code p} was already
 * acknowledged.</li>
 * </ul>
 * Transactions that do not see each other (two new child tickets of one launch) may be published in either order,
 * as with the drain alone.
 * <p>
 * <b>Crash safety.</b> A row is marked sent only after its acknowledgement. A failed send releases its rows (and
 * counts an attempt with the error), and the drain retries them with the same {@code ce_id}; parking a row the broker
 * will never take stays the drain's decision. Rows of a crashed replica stay claimed until their claim expires, then
 * the drain sends them; a crash between the acknowledgement and the {@code sent_at} update resends such rows with the
 * same {@code ce_id}. Within a transaction's rows, only those acknowledged before its first failure count as sent.
 * Claims are about process liveness, so they use the system clock; {@code sent_at} uses the service's clock, as the
 * drain's does, since the retention purge reads it.
 */
@ApplicationScoped
public class OutboxFastPath {

    private static final Logger LOG = Logger.getLogger(OutboxFastPath.class);
    private static final Object TRANSACTION_KEY = OutboxFastPath.class;
    private static final int RECORDED_PER_UPDATE = 500;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxPublisher publisher;
    private final OutboxRelay relay;
    private final OutboxConfig config;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-fast-path");
        thread.setDaemon(true);
        return thread;
    });
    private final Queue<UUID> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<Failure> failed = new ConcurrentLinkedQueue<>();
    private final DrainLoop recorder = new DrainLoop("outbox-sent-recorder", this::record);

    @Inject
    public OutboxFastPath(EntityManager entityManager, TransactionSynchronizationRegistry transactions,
            OutboxPublisher publisher, OutboxRelay relay, OutboxConfig config, Clock clock, MeterRegistry meters) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.publisher = publisher;
        this.relay = relay;
        this.config = config;
        this.clock = clock;
        this.published = meters.counter("remote_work.outbox.published");
        this.failures = meters.counter("remote_work.outbox.publish.failures");
    }

    /**
     * Called in the writing transaction before {@code row} is persisted: claims it when its key allows. {@code
     * keyIsNew} says the key is the id of an aggregate this transaction created, which no committed row can have.
     */
    void enlist(OutboxEvent row, boolean keyIsNew) {
        Committing transaction = (Committing) transactions.getResource(TRANSACTION_KEY);
        if (transaction == null) {
            transaction = new Committing();
            transactions.putResource(TRANSACTION_KEY, transaction);
            transactions.registerInterposedSynchronization(transaction);
        }
        boolean claimed = transaction.claimedKeys.computeIfAbsent(row.orderingKey,
                key -> !publisher.isFailing() && (keyIsNew || nothingUnsentFor(key)));
        if (claimed) {
            row.claimedUntil = Instant.now().plus(config.fastPathClaim());
            transaction.claimedRows.add(row);
        } else {
            transaction.leftToDrain = true;
        }
    }

    /**
     * Whether {@code orderingKey} has no committed row waiting to be sent. Rows this transaction has not flushed yet
     * are of other keys (this runs before the key's first row is persisted), so they need no flush.
     */
    private boolean nothingUnsentFor(String orderingKey) {
        return entityManager.createNativeQuery("select 1 from outbox_event where ordering_key = ?1"
                + " and sent_at is null and parked_at is null limit 1")
                .setParameter(1, orderingKey)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList()
                .isEmpty();
    }

    private void send(List<OutboxEvent> rows) {
        try {
            sender.execute(() -> publisher.sendInOrder(rows, this::answered));
        } catch (RejectedExecutionException stopping) {
            // shutting down: the rows stay claimed until their claim expires, then the drain sends them
        }
    }

    private void answered(List<OutboxPublisher.Delivery> deliveries) {
        Exception firstFailure = null;
        for (OutboxPublisher.Delivery delivery : deliveries) {
            if (firstFailure == null && delivery.failure() == null) {
                acknowledged.add(delivery.row().id);
                continue;
            }
            firstFailure = firstFailure == null ? delivery.failure() : firstFailure;
            failed.add(new Failure(delivery.row(), String.valueOf(firstFailure)));
        }
        recorder.nudge();
    }

    private Optional<Duration> record() {
        List<UUID> sent = take(acknowledged);
        List<Failure> released = take(failed);
        if (sent.isEmpty() && released.isEmpty()) {
            return Optional.empty();
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                markSent(sent);
                release(released);
            });
        } catch (RuntimeException e) {
            LOG.warnf("Recording the fast path's %d sent and %d failed outbox rows failed, retrying in %s: %s",
                    sent.size(), released.size(), config.retryBackoff(), e);
            acknowledged.addAll(sent);
            failed.addAll(released);
            return Optional.of(config.retryBackoff());
        }
        published.increment(sent.size());
        if (released.isEmpty()) {
            relay.nudgeIfHolding();
        } else {
            relay.nudge();
        }
        return acknowledged.isEmpty() && failed.isEmpty() ? Optional.empty() : Optional.of(Duration.ZERO);
    }

    private void markSent(List<UUID> ids) {
        if (!ids.isEmpty()) {
            update("update outbox_event set sent_at = ?, attempts = attempts + 1, claimed_until = null"
                    + " where id = any(?) and sent_at is null", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                    ids);
        }
    }

    private void release(List<Failure> released) {
        Map<String, List<UUID>> idsByError = new HashMap<>();
        for (Failure failure : released) {
            idsByError.computeIfAbsent(failure.error(), error -> new ArrayList<>()).add(failure.row().id);
            failures.increment();
            LOG.warnf("Publishing outbox event %s (%s) from memory failed, the relay retries it: %s", failure.row().id,
                    failure.row().ceType, failure.error());
        }
        idsByError.forEach((error, ids) -> update("update outbox_event set attempts = attempts + 1, last_error = ?,"
                + " claimed_until = null where id = any(?) and sent_at is null", error, ids));
    }

    /**
     * Runs {@code sql}, whose last parameter is the rows' ids as one array: a plain statement, since an HQL update
     * with a list parameter is parsed and planned again for every list size.
     */
    private void update(String sql, Object first, List<UUID> ids) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setObject(1, first);
                update.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
                update.executeUpdate();
            }
        });
    }

    private static <T> List<T> take(Queue<T> queue) {
        List<T> taken = new ArrayList<>();
        while (taken.size() < RECORDED_PER_UPDATE) {
            T item = queue.poll();
            if (item == null) {
                break;
            }
            taken.add(item);
        }
        return taken;
    }

    /** Hands what is queued to the producer and records what it answered by then; the drain covers the rest. */
    @PreDestroy
    public void stop() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        recorder.close();
        record();
    }

    private record Failure(OutboxEvent row, String error) {
    }

    /** What one writing transaction hands to the fast path once it committed. */
    private final class Committing implements Synchronization {

        private final Map<String, Boolean> claimedKeys = new HashMap<>();
        private final List<OutboxEvent> claimedRows = new ArrayList<>();
        private boolean leftToDrain;

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                return;
            }
            if (!claimedRows.isEmpty()) {
                send(claimedRows);
            }
            if (leftToDrain) {
                relay.nudge();
            }
        }
    }
}
