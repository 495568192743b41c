package work.remote.platform.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import work.remote.events.DomainEvent;
import work.remote.platform.problem.ProblemException;

/**
 * Writes events in the caller's transaction, so they commit or roll back together with the state change.
 * After the commit they are published from memory ({@link OutboxFastPath}) or, when their key has earlier rows
 * waiting, by the relay, which is nudged at once; its poll is only the fallback. An event the broker would
 * refuse for its size is refused here, so that the request that caused it fails with a clear problem document.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final OutboxFastPath fastPath;
    private final OutboxPublisher publisher;
    private final Clock clock;

    @Inject
    public Outbox(EntityManager entityManager, OutboxFastPath fastPath, OutboxPublisher publisher, Clock clock) {
        this.entityManager = entityManager;
        this.fastPath = fastPath;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Records {@code event} for publication; returns its {@code ce_id}.
     *
     * @throws ProblemException (413, {@code event-too-large}) when the event, as a Kafka record, is larger than the
     *         producer sends ({@code kafka.max.request.size}); nothing is written
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(DomainEvent event) {
        return record(event, false);
    }

    /**
     * {@link #publish} for an event of an aggregate this transaction created with the random id {@code createdId}.
     * When the event's ordering key is that id, no other transaction can have written a row of the key, so the fast
     * path takes the row without asking the database for earlier ones.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publishOfCreated(DomainEvent event, UUID createdId) {
        return record(event, event.orderingKey().equals(createdId.toString()));
    }

    private UUID record(DomainEvent event, boolean keyIsNew) {
        OutboxEvent row = OutboxEvent.of(event, clock.instant());
        requireFits(row);
        fastPath.enlist(row, keyIsNew);
        entityManager.persist(row);
        return row.id;
    }

    private void requireFits(OutboxEvent row) {
        int size = row.sizeInBytes();
        if (size > publisher.maxRequestSize()) {
            throw new ProblemException(413, "event-too-large", "Event too large",
                    "The " + row.ceType + " event this request causes would be " + size + " bytes on Kafka, more than "
                            + "the " + publisher.maxRequestSize() + " bytes allowed; nothing was changed",
                    List.of());
        }
    }
}
