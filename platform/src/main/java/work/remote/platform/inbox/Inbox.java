package work.remote.platform.inbox;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.Readiness;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Makes consumers idempotent: an event's effect and the record that this consumer processed its {@code ce_id}
 * commit in one transaction, so a redelivered event has no second effect.
 * <p>
 * What happens when that transaction fails depends on why ({@link FailureKind}):
 * <ul>
 * <li>a malformed record goes to the dead-letter topic at once;</li>
 * <li>a transient failure (the database unreachable, restarting or failing over, a lock or serialization conflict,
 * a connection the pool could not hand out in time) is retried with capped exponential backoff for as long as the
 * service runs, never dead-lettered. Meanwhile {@link ConsumerReadiness} reports the consumer DOWN, and the records
 * behind it wait in order: consumers are {@code @Blocking} and ordered, and the Kafka connector keeps polling on its
 * own thread (pausing the partitions), so the consumer keeps its partitions;</li>
 * <li>any other failure (a programming error, a rule the event breaks) gets
 * {@link InboxConfig#unexpectedFailureAttempts()} attempts, then goes to the dead-letter topic with the reason.</li>
 * </ul>
 * When the service stops while an event waits, the event is left unacknowledged and comes again after the restart.
 * <p>
 * A consumer that reads its records in batches ({@link #processBatch}) records every event of a batch and runs
 * every effect in one transaction; when that fails, it goes through the batch one event at a time as above, in
 * order. An event its {@link Reaction} finds nothing to do about gets no inbox row and no transaction: it has no
 * effect to repeat when it comes again.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager entityManager;
    private final Clock clock;
    private final InboxConfig config;
    private final ConsumerReadiness readiness;
    private final CountDownLatch stopping = new CountDownLatch(1);

    @Inject
    public Inbox(EntityManager entityManager, Clock clock, InboxConfig config,
            @Readiness ConsumerReadiness readiness) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config;
        this.readiness = readiness;
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stopping.countDown();
    }

    /**
     * Handles {@code record} once per {@code consumer}: when {@code reaction} has an effect for it, records its
     * {@code ce_id} and runs the effect in a new transaction, unless that id was processed before.
     *
     * @return whether an effect ran (false for a redelivery and for an event nothing here acts on)
     * @throws MalformedEventException for a record that can never be processed
     * @throws UnprocessableEventException when the effect kept failing for an unexpected reason
     * @throws ConsumerStoppedException when the service stops while the event waits for its database
     */
    public boolean process(String consumer, ConsumerRecord<String, String> record, Reaction reaction) {
        return process(consumer, ReceivedEvent.from(record), reaction);
    }

    /**
     * Handles a batch of records in the order the connector read them (each partition's in offset order), then
     * acknowledges it. Every event some effect awaits is recorded, and every effect runs, in one transaction; when
     * that transaction fails, each event goes through {@link #process} on its own, so that a malformed record or
     * one that keeps failing for an unexpected reason goes to the dead-letter topic alone, and a transient failure
     * holds the events behind it in order. A malformed record goes to the dead-letter topic once the events before
     * it committed.
     *
     * @return the acknowledgement of the batch; when the service stops while an event waits, a negative one, which
     * leaves every record of the batch unacknowledged, to be delivered again after the restart
     */
    public CompletionStage<Void> processBatch(String consumer, KafkaRecordBatch<String, String> batch,
            Reaction reaction) {
        Map<KafkaRecord<String, String>, MalformedEventException> malformed = new LinkedHashMap<>();
        Map<String, Reacting> reacting = new LinkedHashMap<>();
        try {
            refuseWhenStopping(consumer, batch.getRecords().size());
            for (KafkaRecord<String, String> record : batch.getRecords()) {
                ReceivedEvent event;
                try {
                    event = ReceivedEvent.from(consumerRecord(record));
                } catch (MalformedEventException e) {
                    malformed.put(record, e);
                    continue;
                }
                reaction.to(event).ifPresent(effect -> reacting.putIfAbsent(event.id(), new Reacting(event, effect)));
            }
            if (!reacting.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> applyOnce(consumer, reacting.values()));
            }
        } catch (ConsumerStoppedException e) {
            return batch.nack(e);
        } catch (RuntimeException e) {
            LOG.debugf(e, "%s takes a batch of %d events one by one: %s", consumer, batch.getRecords().size(),
                    ConsumerReadiness.describe(e));
            return oneByOne(consumer, batch, reaction);
        }
        malformed.forEach(Inbox::refuse);
        return batch.ack();
    }

    private record Reacting(ReceivedEvent event, Runnable effect) {
    }

    private CompletionStage<Void> oneByOne(String consumer, KafkaRecordBatch<String, String> batch,
            Reaction reaction) {
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                process(consumer, ReceivedEvent.from(consumerRecord(record)), reaction);
            } catch (ConsumerStoppedException e) {
                return batch.nack(e);
            } catch (RuntimeException e) {
                refuse(record, e);
            }
        }
        return batch.ack();
    }

    /** Hands {@code record} to the channel's failure strategy (the dead-letter topic), and waits until it has it. */
    private static void refuse(KafkaRecord<String, String> record, Throwable reason) {
        record.nack(reason).toCompletableFuture().join();
    }

    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, String> metadata = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("A record of " + record.getTopic() + "-"
                        + record.getPartition() + " carries no Kafka metadata"));
        return metadata.getRecord();
    }

    private boolean process(String consumer, ReceivedEvent event, Reaction reaction) {
        int unexpectedFailures = 0;
        try {
            for (int attempt = 1;; attempt++) {
                RuntimeException failure;
                try {
                    refuseWhenStopping(consumer, event, null);
                    Optional<Runnable> effect = reaction.to(event);
                    return effect.isPresent()
                            && QuarkusTransaction.requiringNew().call(() -> processOnce(consumer, event, effect.get()));
                } catch (ConsumerStoppedException e) {
                    throw e;
                } catch (RuntimeException e) {
                    failure = e;
                }
                switch (FailureKind.of(failure)) {
                    case MALFORMED -> throw failure;
                    case TRANSIENT -> {
                        readiness.retrying(consumer, event, attempt, failure);
                        logTransient(consumer, event, attempt, failure);
                    }
                    case UNEXPECTED -> {
                        unexpectedFailures++;
                        if (unexpectedFailures >= config.unexpectedFailureAttempts()) {
                            LOG.errorf(failure, "%s gives up on %s (%s) after %d unexpected failure(s); it goes to "
                                    + "the dead-letter topic", consumer, event.id(), event.type().ceType(),
                                    unexpectedFailures);
                            throw new UnprocessableEventException(consumer + " failed " + unexpectedFailures
                                    + " time(s) on " + event.type().ceType() + " " + event.id() + ": "
                                    + ConsumerReadiness.describe(failure), failure);
                        }
                        LOG.warnf(failure, "%s failed on %s (%s), unexpected failure %d of %d", consumer, event.id(),
                                event.type().ceType(), unexpectedFailures, config.unexpectedFailureAttempts());
                    }
                }
                pause(backoff(attempt), consumer, event, failure);
            }
        } finally {
            readiness.caughtUp(consumer);
        }
    }

    private boolean processOnce(String consumer, ReceivedEvent event, Runnable effect) {
        if (!recordFirstDelivery(consumer, event)) {
            LOG.debugf("%s already processed %s (%s)", consumer, event.id(), event.type().ceType());
            return false;
        }
        effect.run();
        return true;
    }

    /** Records the events of {@code reacting} in one statement, and runs the effect of each one seen first now. */
    private void applyOnce(String consumer, Iterable<Reacting> reacting) {
        List<String> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        reacting.forEach(each -> {
            ids.add(each.event().id());
            types.add(each.event().type().ceType());
        });
        Set<String> first = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into inbox_event (consumer, ce_id, ce_type, processed_at)
                    select ?, ce_id, ce_type, ? from unnest(?, ?) as received (ce_id, ce_type)
                    on conflict do nothing returning ce_id""")) {
                Array idArray = connection.createArrayOf("varchar", ids.toArray());
                Array typeArray = connection.createArrayOf("varchar", types.toArray());
                insert.setString(1, consumer);
                insert.setObject(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                insert.setArray(3, idArray);
                insert.setArray(4, typeArray);
                Set<String> inserted = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
                return inserted;
            }
        });
        for (Reacting each : reacting) {
            if (first.contains(each.event().id())) {
                each.effect().run();
            } else {
                LOG.debugf("%s already processed %s (%s)", consumer, each.event().id(), each.event().type().ceType());
            }
        }
    }

    /** Records that {@code consumer} processed {@code event}; false when it already had. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirstDelivery(String consumer, ReceivedEvent event) {
        int inserted = entityManager.createNativeQuery("""
                insert into inbox_event (consumer, ce_id, ce_type, processed_at) values (?1, ?2, ?3, ?4)
                on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type().ceType())
                .setParameter(4, clock.instant())
                .executeUpdate();
        return inserted == 1;
    }

    /** The pause after the {@code attempt}-th failure: the initial backoff doubled per failure, capped. */
    Duration backoff(int attempt) {
        Duration max = config.retryMaxBackoff();
        Duration delay = config.retryInitialBackoff();
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }

    private static void logTransient(String consumer, ReceivedEvent event, int attempt, RuntimeException failure) {
        if (attempt == 1) {
            LOG.warnf(failure, "%s cannot process %s (%s) for now; retrying until the database takes it", consumer,
                    event.id(), event.type().ceType());
        } else {
            LOG.warnf("%s still cannot process %s (%s), attempt %d: %s", consumer, event.id(), event.type().ceType(),
                    attempt, ConsumerReadiness.describe(failure));
        }
    }

    private void pause(Duration delay, String consumer, ReceivedEvent event, RuntimeException lastFailure) {
        try {
            if (stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                refuseWhenStopping(consumer, event, lastFailure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsumerStoppedException(consumer + " was interrupted while " + event.id()
                    + " waited for a retry; it is delivered again after the restart", lastFailure);
        }
    }

    private void refuseWhenStopping(String consumer, int events) {
        if (stopping.getCount() == 0) {
            throw new ConsumerStoppedException(consumer + " is stopping; a batch of " + events + " event(s) is left "
                    + "unacknowledged and delivered again after the restart", null);
        }
    }

    private void refuseWhenStopping(String consumer, ReceivedEvent event, RuntimeException lastFailure) {
        if (stopping.getCount() == 0) {
            throw new ConsumerStoppedException(consumer + " is stopping; " + event.type().ceType() + " " + event.id()
                    + " is left unacknowledged and delivered again after the restart", lastFailure);
        }
    }
}
