package work.remote.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;

import work.remote.events.DomainEvent;
import work.remote.events.EventJson;
import work.remote.events.EventType;
import work.remote.platform.CloudEventRecords;

/** One event waiting in, or already relayed from, the outbox; its {@code id} is the stable {@code ce_id}. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /**
     * The outbox order, from the table's sequence at insert; not read back after a write, so that Hibernate can batch
     * the insert with the rest of the transaction (an identity key is inserted on its own at persist).
     */
    @Column(insertable = false, updatable = false)
    public Long position;

    @Id
    @Column(nullable = false, unique = true, updatable = false)
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "ordering_key", nullable = false, updatable = false)
    public String orderingKey;

    @Column(name = "ce_type", nullable = false, updatable = false)
    public String ceType;

    @Column(name = "ce_source", nullable = false, updatable = false)
    public String ceSource;

    @Column(name = "ce_subject", nullable = false, updatable = false)
    public String ceSubject;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Set when the broker refused the row for good; a parked row is never sent and holds back no other row. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    /**
     * Until when the replica that committed the row sends it from memory ({@link OutboxFastPath}); null for a row
     * left to the drain, or once the fast path answered.
     */
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    /** The unsent row of {@code event}, which happened at {@code occurredAt}, with a fresh {@code ce_id}. */
    public static OutboxEvent of(DomainEvent event, Instant occurredAt) {
        EventType type = EventType.of(event.getClass());
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = type.topic();
        row.orderingKey = event.orderingKey();
        row.ceType = type.ceType();
        row.ceSource = type.source();
        row.ceSubject = event.eventSubject();
        row.occurredAt = occurredAt;
        row.payload = toJson(event);
        return row;
    }

    private static String toJson(DomainEvent event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.getClass().getSimpleName() + " cannot be serialised", e);
        }
    }

    /** The CloudEvents record this row is published as. */
    public ProducerRecord<String, String> toRecord() {
        return CloudEventRecords.of(topic, orderingKey, payload, id.toString(), ceType, ceSource, ceSubject,
                occurredAt);
    }

    /** Its size as the producer measures it against {@code max.request.size}. */
    public int sizeInBytes() {
        return CloudEventRecords.sizeInBytes(toRecord());
    }
}
