package work.remote.notification;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import work.remote.events.DomainEvent;
import work.remote.events.EventJson;
import work.remote.events.EventType;
import work.remote.platform.inbox.MalformedEventException;
import work.remote.platform.inbox.ReceivedEvent;

/**
 * An event as routing and rendering take it, decoded once where it comes in: its type, its record, the attributes
 * routes match on, and its JSON, whose fields name the channels and people some targets send to.
 *
 * @param id the {@code ce_id}; none for a dry run
 * @param subject the {@code ce_subject}; none for a dry run
 */
public record ConsumedEvent(String id, EventType type, String subject, DomainEvent record, JsonNode data,
        EventAttributes attributes) {

    /** The event the inbox read, with the record it already decoded. */
    public static ConsumedEvent of(ReceivedEvent received) {
        return new ConsumedEvent(received.id(), received.type(), received.subject(), received.event(),
                received.data(), EventAttributes.of(received.type(), received.data()));
    }

    /** @throws MalformedEventException when {@code data} is not a valid {@code eventClass} */
    public static ConsumedEvent decode(String id, String subject, Class<? extends DomainEvent> eventClass,
            JsonNode data) {
        EventType type = EventType.of(eventClass);
        DomainEvent record;
        try {
            record = EventJson.mapper().treeToValue(data, eventClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("The data is not a valid " + eventClass.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
        return new ConsumedEvent(id, type, subject, record, data, EventAttributes.of(type, data));
    }

    public boolean is(EventType other) {
        return type.equals(other);
    }

    /** The text of field {@code name}, when it has some. */
    public Optional<String> text(String name) {
        JsonNode value = data.path(name);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }
}
