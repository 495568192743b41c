package work.remote.events.outbox;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import work.remote.events.AfterCommit;
import work.remote.events.DomainEvent;
import work.remote.events.EventJson;
import work.remote.events.EventType;

/**
 * Writes events in the caller's transaction, so they commit or roll back together with the state change.
 * After a commit the relay is nudged to publish at once; its poll is only the fallback.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final AfterCommit afterCommit;
    private final OutboxRelay relay;
    private final Clock clock;

    @Inject
    public Outbox(EntityManager entityManager, AfterCommit afterCommit, OutboxRelay relay,
            Clock clock) {
        this.entityManager = entityManager;
        this.afterCommit = afterCommit;
        this.relay = relay;
        this.clock = clock;
    }

    /** Records {@code event} for publication; returns its {@code ce_id}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(DomainEvent event) {
        EventType type = EventType.of(event.getClass());
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = type.topic();
        row.orderingKey = event.orderingKey();
        row.ceType = type.ceType();
        row.ceSource = type.source();
        row.ceSubject = event.eventSubject();
        row.occurredAt = clock.instant();
        row.payload = toJson(event);
        entityManager.persist(row);
        afterCommit.run(relay::nudge);
        return row.id;
    }

    private static String toJson(DomainEvent event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.getClass().getSimpleName() + " cannot be serialised", e);
        }
    }
}
