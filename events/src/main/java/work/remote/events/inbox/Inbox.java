package work.remote.events.inbox;

import java.time.Clock;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Makes consumers idempotent: an event's effect and the record that this consumer processed its {@code ce_id}
 * commit in one transaction, so a redelivered event has no second effect.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final int ATTEMPTS = 5;
    private static final long FIRST_RETRY_DELAY_MILLIS = 100;

    private final EntityManager entityManager;
    private final Clock clock;

    @Inject
    public Inbox(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Handles {@code record} once per {@code consumer}: in a new transaction, records its {@code ce_id} and runs
     * {@code effect}, unless that id was processed before. Transient failures are retried a few times with
     * backoff; if they persist, or the record is malformed, the exception reaches the messaging connector's
     * failure strategy (a dead-letter topic), never a silent drop.
     *
     * @return whether the effect ran (false for a redelivery)
     */
    public boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<ReceivedEvent> effect) {
        ReceivedEvent event = ReceivedEvent.from(record);
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!recordFirstDelivery(consumer, event)) {
                        LOG.debugf("%s already processed %s (%s)", consumer, event.id(), event.type().ceType());
                        return false;
                    }
                    effect.accept(event);
                    return true;
                });
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                lastFailure = e;
                LOG.warnf(e, "%s failed on %s (%s), attempt %d of %d", consumer, event.id(), event.type().ceType(),
                        attempt, ATTEMPTS);
                pause(FIRST_RETRY_DELAY_MILLIS << (attempt - 1));
            }
        }
        throw lastFailure;
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

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
