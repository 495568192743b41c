package work.remote.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Test access to the event contract: each type's JSON Schema (loaded through its {@code $id}, which maps to
 * the classpath), validation with format assertions on, and reflective helpers over event records.
 */
final class EventContract {

    static final String SCHEMA_ID_PREFIX = "https://remote.work/schemas/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_ID_PREFIX, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<Class<?>, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContract() {
    }

    static String schemaId(Class<? extends DomainEvent> type) {
        return "https://remote.work/" + EventType.of(type).schemaResource();
    }

    /** The raw schema document of an event type. */
    static JsonNode schemaDocument(Class<? extends DomainEvent> type) {
        return readResource(EventType.of(type).schemaResource());
    }

    static JsonNode readResource(String resource) {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No classpath resource " + resource);
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<ValidationMessage> validate(Class<? extends DomainEvent> type, JsonNode payload) {
        return SCHEMAS.computeIfAbsent(type, t -> FACTORY.getSchema(SchemaLocation.of(schemaId(type)), CONFIG))
                .validate(payload);
    }

    /** Validates a schema document against the draft 2020-12 meta-schema. */
    static Set<ValidationMessage> validateAgainstMetaSchema(JsonNode schemaDocument) {
        return FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG)
                .validate(schemaDocument);
    }

    static JsonNode toJson(Object event) {
        return EventJson.mapper().valueToTree(event);
    }

    /** Follows a local {@code $ref} ({@code #/$defs/Name}) inside {@code document}; other nodes are returned as they are. */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("Only local references are allowed in an event schema: " + ref);
            }
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("Unresolvable reference " + ref);
            }
            current = target;
        }
        return current;
    }

    /** The names the schema object lists in {@code required}. */
    static Set<String> required(JsonNode objectSchema) {
        return stream(objectSchema.path("required")).map(JsonNode::asText).collect(Collectors.toSet());
    }

    static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    /** A copy of {@code record} with component {@code index} replaced, through the canonical constructor. */
    static Record copyWith(Record record, int index, Object value) throws Throwable {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = components[i].getAccessor().invoke(record);
        }
        args[index] = value;
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<? extends Record> constructor = record.getClass().getDeclaredConstructor(parameterTypes);
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A deep copy of {@code root} with the node at {@code path} replaced, or removed when {@code value} is null. */
    static JsonNode replaceAt(JsonNode root, List<Object> path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (Object segment : path.subList(0, path.size() - 1)) {
            parent = segment instanceof Integer index ? parent.get(index) : parent.get((String) segment);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ArrayNode array = (ArrayNode) parent;
            if (value == null) {
                array.remove(index);
            } else {
                array.set(index, value);
            }
        } else {
            ObjectNode object = (ObjectNode) parent;
            if (value == null) {
                object.remove((String) last);
            } else {
                object.set((String) last, value);
            }
        }
        return copy;
    }
}
