package work.remote.events.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import work.remote.events.CloudEventHeaders;
import work.remote.events.DomainEvent;
import work.remote.events.EventJson;
import work.remote.events.EventType;

/** A CloudEvent read from Kafka in binary mode: its attributes from the {@code ce_*} headers, its data as JSON. */
public record ReceivedEvent(String id, EventType type, String source, String subject, Instant time, String key,
        JsonNode data) {

    public static ReceivedEvent from(ConsumerRecord<String, String> record) {
        String id = requiredHeader(record, CloudEventHeaders.ID);
        String type = requiredHeader(record, CloudEventHeaders.TYPE);
        String time = header(record, CloudEventHeaders.TIME);
        try {
            return new ReceivedEvent(id, EventType.parse(type), requiredHeader(record, CloudEventHeaders.SOURCE),
                    header(record, CloudEventHeaders.SUBJECT), time == null ? null : Instant.parse(time), record.key(),
                    EventJson.mapper().readTree(record.value()));
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Event " + id + " (" + type + ") has no valid JSON data", e);
        }
    }

    public boolean is(Class<? extends DomainEvent> eventClass) {
        return type.equals(EventType.of(eventClass));
    }

    public <T extends DomainEvent> T dataAs(Class<T> eventClass) {
        if (!is(eventClass)) {
            throw new IllegalArgumentException("Event " + id + " is a " + type.ceType() + ", not a " + eventClass.getName());
        }
        try {
            return EventJson.mapper().treeToValue(data, eventClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Event " + id + " does not match " + eventClass.getSimpleName(), e);
        }
    }

    private static String requiredHeader(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no " + name + " header");
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
