package work.remote.platform;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;

import work.remote.events.CloudEventHeaders;
import work.remote.events.DomainEvent;
import work.remote.events.EventJson;
import work.remote.events.EventType;

/** Builds Kafka records in the CloudEvents 1.0 binary content mode our contract uses. */
public final class CloudEventRecords {

    /** The CloudEvents specification version every record carries in {@code ce_specversion}. */
    public static final String SPEC_VERSION = "1.0";

    /** Kafka's default {@code max.request.size}: the producer refuses a bigger record. */
    public static final int MAX_REQUEST_SIZE = 1_048_576;

    private CloudEventRecords() {
    }

    /** The size the producer checks against {@code max.request.size}: key, value, headers and batch overhead. */
    public static int sizeInBytes(ProducerRecord<String, String> record) {
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                record.key() == null ? null : record.key().getBytes(UTF_8),
                record.value() == null ? null : record.value().getBytes(UTF_8), record.headers().toArray());
    }

    /** The record a producing service's outbox sends for {@code event}: topic, key and headers from its type. */
    public static ProducerRecord<String, String> of(String ceId, DomainEvent event, Instant time) {
        EventType type = EventType.of(event.getClass());
        try {
            return of(type.topic(), event.orderingKey(), EventJson.mapper().writeValueAsString(event), ceId,
                    type.ceType(), type.source(), event.eventSubject(), time);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + type.ceType() + " as JSON", e);
        }
    }

    public static ProducerRecord<String, String> of(String topic, String key, String jsonPayload, String ceId,
            String ceType, String ceSource, String ceSubject, Instant time) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, jsonPayload);
        Headers headers = record.headers();
        headers.add(CloudEventHeaders.SPEC_VERSION, SPEC_VERSION.getBytes(UTF_8));
        headers.add(CloudEventHeaders.ID, ceId.getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, ceType.getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, ceSource.getBytes(UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, ceSubject.getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, time.toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.CONTENT_TYPE, "application/json".getBytes(UTF_8));
        return record;
    }
}
