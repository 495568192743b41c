package work.remote.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import work.remote.events.CloudEventHeaders;
import work.remote.platform.CloudEventRecords;
import work.remote.events.DomainEvent;
import work.remote.events.EventCatalog;
import work.remote.events.EventJson;
import work.remote.events.EventType;

/**
 * A CloudEvent read from Kafka in binary mode: its attributes from the {@code ce_*} headers, its data as JSON.
 * {@link #from} accepts only what can be processed: every attribute our contract requires, a {@code ce_type} of
 * the {@link EventCatalog} (a new schema version is a new type, so an unknown version is an unknown type) and data
 * that reads as that type's record; anything else is a {@link MalformedEventException}.
 */
public record ReceivedEvent(String id, EventType type, String source, String subject, Instant time, String key,
        JsonNode data, DomainEvent event) {

    public static ReceivedEvent from(ConsumerRecord<String, String> record) {
        String specVersion = requiredHeader(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventRecords.SPEC_VERSION.equals(specVersion)) {
            throw malformed(record, "has " + CloudEventHeaders.SPEC_VERSION + " '" + specVersion + "', not '"
                    + CloudEventRecords.SPEC_VERSION + "'");
        }
        String id = requiredHeader(record, CloudEventHeaders.ID);
        String ceType = requiredHeader(record, CloudEventHeaders.TYPE);
        String source = requiredHeader(record, CloudEventHeaders.SOURCE);
        String subject = requiredHeader(record, CloudEventHeaders.SUBJECT);
        Instant time = parseTime(record, requiredHeader(record, CloudEventHeaders.TIME));
        Class<? extends DomainEvent> eventClass = EventCatalog.byCeType(ceType)
                .orElseThrow(() -> malformed(record, "has a " + CloudEventHeaders.TYPE + " no version of this service "
                        + "knows: " + ceType));
        JsonNode data = readData(record, id, ceType);
        return new ReceivedEvent(id, EventType.of(eventClass), source, subject, time, record.key(), data,
                decode(data, id, eventClass));
    }

    public boolean is(Class<? extends DomainEvent> eventClass) {
        return type.equals(EventType.of(eventClass));
    }

    public <T extends DomainEvent> T dataAs(Class<T> eventClass) {
        if (!is(eventClass)) {
            throw new IllegalArgumentException("Event " + id + " is a " + type.ceType() + ", not a " + eventClass.getName());
        }
        return eventClass.cast(event);
    }

    private static DomainEvent decode(JsonNode data, String id, Class<? extends DomainEvent> eventClass) {
        try {
            return EventJson.mapper().treeToValue(data, eventClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Event " + id + " does not match " + eventClass.getSimpleName(), e);
        }
    }

    private static JsonNode readData(ConsumerRecord<String, String> record, String id, String ceType) {
        if (record.value() == null) {
            throw malformed(record, "(" + id + ", " + ceType + ") has no data");
        }
        try {
            JsonNode data = EventJson.mapper().readTree(record.value());
            if (data == null || !data.isObject()) {
                throw malformed(record, "(" + id + ", " + ceType + ") has data that is not a JSON object");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Event " + id + " (" + ceType + ") has no valid JSON data", e);
        }
    }

    private static Instant parseTime(ConsumerRecord<String, String> record, String time) {
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw malformed(record, "has a " + CloudEventHeaders.TIME + " that is not an RFC 3339 instant: " + time);
        }
    }

    private static String requiredHeader(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw malformed(record, "has no " + name + " header");
        }
        return value;
    }

    private static MalformedEventException malformed(ConsumerRecord<String, String> record, String problem) {
        return new MalformedEventException("Record at " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " " + problem);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }
}
