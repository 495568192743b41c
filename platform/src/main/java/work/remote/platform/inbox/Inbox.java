package work.remote.platform.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

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
     * Handles {@code record} once per {@code consumer}: in a new transaction, records its {@code ce_id} and runs
     * {@code effect}, unless that id was processed before.
     *
     * @return whether the effect ran (false for a redelivery)
     * @throws MalformedEventException for a record that can never be processed
     * @throws UnprocessableEventException when the effect kept failing for an unexpected reason
     * @throws ConsumerStoppedException when the service stops while the event waits for its database
     */
    public boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<ReceivedEvent> effect) {
        ReceivedEvent event = ReceivedEvent.from(record);
        int unexpectedFailures = 0;
        try {
            for (int attempt = 1;; attempt++) {
                RuntimeException failure;
                try {
                    refuseWhenStopping(consumer, event, null);
                    return QuarkusTransaction.requiringNew().call(() -> processOnce(consumer, event, effect));
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

    private boolean processOnce(String consumer, ReceivedEvent event, Consumer<ReceivedEvent> effect) {
        if (!recordFirstDelivery(consumer, event)) {
            LOG.debugf("%s already processed %s (%s)", consumer, event.id(), event.type().ceType());
            return false;
        }
        effect.accept(event);
        return true;
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

    private void refuseWhenStopping(String consumer, ReceivedEvent event, RuntimeException lastFailure) {
        if (stopping.getCount() == 0) {
            throw new ConsumerStoppedException(consumer + " is stopping; " + event.type().ceType() + " " + event.id()
                    + " is left unacknowledged and delivered again after the restart", lastFailure);
        }
    }
}
