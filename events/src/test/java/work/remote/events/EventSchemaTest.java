package work.remote.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static work.remote.events.EventContract.replaceAt;
import static work.remote.events.EventContract.required;
import static work.remote.events.EventContract.resolve;
import static work.remote.events.EventContract.schemaDocument;
import static work.remote.events.EventContract.toJson;
import static work.remote.events.EventContract.validate;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import work.remote.events.ticket.Impact;
import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketOpened;

/**
 * The JSON Schemas are the contract: every event record serialises (through {@link EventJson}) to JSON its
 * schema accepts, every broken payload is rejected, and schema and record describe the same fields,
 * types, enums and required-ness.
 */
class EventSchemaTest {

    static Stream<Class<? extends DomainEvent>> eventTypes() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void sampleIsValidAgainstItsSchema(Class<? extends DomainEvent> type) {
        assertThat(validate(type, toJson(EventSamples.of(type)))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void jsonRoundTripGivesAnEqualEvent(Class<? extends DomainEvent> type) throws IOException {
        DomainEvent sample = EventSamples.of(type);
        byte[] json = EventJson.mapper().writeValueAsBytes(sample);

        assertThat(EventJson.mapper().readValue(json, type)).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaIsAValidDraft202012SchemaNamedAfterItsCeType(Class<? extends DomainEvent> type) {
        JsonNode schema = schemaDocument(type);

        assertThat(EventContract.validateAgainstMetaSchema(schema)).isEmpty();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(EventContract.schemaId(type));
        assertThat(schema.path("title").asText()).isEqualTo(EventType.of(type).ceType());
        assertThat(schema.path("description").asText()).isNotBlank();
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
        assertThat(schema.path("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.toString()).as("each schema stands alone: only local references")
                .doesNotContainPattern("\"\\$ref\":\"(?!#/)");
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaDescribesTheRecordFieldByField(Class<? extends DomainEvent> type) {
        List<String> problems = new ArrayList<>();
        describe(schemaDocument(type), type, schemaDocument(type), type.getSimpleName(), problems, new LinkedHashMap<>());

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void sampleFillsEveryPropertyTheSchemaDeclares(Class<? extends DomainEvent> type) {
        JsonNode document = schemaDocument(type);
        Map<JsonNode, Set<String>> seen = new IdentityHashMap<>();
        collectKeys(document, document, toJson(EventSamples.of(type)), seen);

        assertThat(seen).isNotEmpty();
        seen.forEach((objectSchema, keys) -> assertThat(keys)
                .as("properties of %s seen in the sample", objectSchema.path("description").asText())
                .containsExactlyInAnyOrderElementsOf(names(objectSchema.path("properties"))));
    }

    /**
     * For the event and every record nested in it: a field is required in the schema exactly when the record
     * refuses {@code null} for it; an optional field left out still gives a valid payload, and a field whose
     * absence the record refuses by a cross-field rule is refused by the schema too.
     */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void requiredFieldsAreExactlyTheOnesTheRecordRefusesAsNull(Class<? extends DomainEvent> type) throws Throwable {
        JsonNode document = schemaDocument(type);
        Map<Class<?>, JsonNode> recordSchemas = new LinkedHashMap<>();
        describe(document, type, document, type.getSimpleName(), new ArrayList<>(), recordSchemas);
        DomainEvent sample = EventSamples.of(type);
        Map<Class<?>, Record> instances = new LinkedHashMap<>();
        collectRecords(sample, instances);

        assertThat(instances.keySet()).as("the sample holds an instance of every record the event nests")
                .containsExactlyInAnyOrderElementsOf(recordSchemas.keySet());
        for (Map.Entry<Class<?>, Record> entry : instances.entrySet()) {
            Record instance = entry.getValue();
            Set<String> required = required(recordSchemas.get(entry.getKey()));
            RecordComponent[] components = entry.getKey().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                String field = entry.getKey().getSimpleName() + "." + name;
                if (components[i].getType().isPrimitive()) {
                    assertThat(required).as("%s is a primitive, so required", field).contains(name);
                    continue;
                }
                Record withNull;
                try {
                    withNull = EventContract.copyWith(instance, i, null);
                } catch (NullPointerException refused) {
                    assertThat(required).as("%s is refused as null, so required", field).contains(name);
                    assertThat(refused).as("the refusal names the field").hasMessage(name);
                    continue;
                } catch (IllegalArgumentException crossFieldRule) {
                    assertThat(required).as("%s is conditional, not required", field).doesNotContain(name);
                    if (instance == sample) {
                        assertThat(validate(type, replaceAt(toJson(sample), List.of(name), null)))
                                .as("the schema also refuses %s without %s", type.getSimpleName(), name)
                                .isNotEmpty();
                    }
                    continue;
                }
                assertThat(required).as("%s accepts null, so optional", field).doesNotContain(name);
                if (instance == sample) {
                    JsonNode json = toJson(withNull);
                    assertThat(json.has(name)).as("a null %s is left out of the JSON", field).isFalse();
                    assertThat(validate(type, json)).as("payload without %s", name).isEmpty();
                    assertThat(EventJson.mapper().treeToValue(json, type)).isEqualTo(withNull);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void brokenPayloadsAreRejected(Class<? extends DomainEvent> type) {
        JsonNode document = schemaDocument(type);
        JsonNode sample = toJson(EventSamples.of(type));
        List<Mutation> mutations = new ArrayList<>();
        mutate(document, document, sample, sample, List.of(), mutations);

        List<String> accepted = mutations.stream()
                .filter(mutation -> validate(type, mutation.payload()).isEmpty())
                .map(Mutation::description)
                .toList();
        assertThat(accepted).as("broken payloads the schema accepted").isEmpty();

        Set<String> kinds = mutations.stream().map(Mutation::kind).collect(Collectors.toSet());
        assertThat(kinds).contains("required field removed", "extra property", "wrong type", "invalid format");
        if (document.toString().contains("\"enum\"")) {
            assertThat(kinds).contains("unknown enum value");
        }
    }

    @Test
    void everyRecordHasASchemaFileAndEverySchemaFileHasARecord() throws IOException, URISyntaxException {
        URL root = getClass().getClassLoader().getResource("schemas");
        assertThat(root).isNotNull();
        Path schemas = Path.of(root.toURI());
        Set<String> files;
        try (Stream<Path> walk = Files.walk(schemas)) {
            files = walk.filter(Files::isRegularFile)
                    .map(file -> "schemas/" + schemas.relativize(file).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expected = EventCatalog.all().stream()
                .map(type -> EventType.of(type).schemaResource())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(files).isEqualTo(expected);
    }

    @Test
    void aFundsImpactWithoutCriticalSeverityIsRefusedByRecordAndSchema() {
        TicketOpened sample = EventSamples.ticketOpened();
        assertThat(sample.impact().touchesFunds()).isTrue();
        JsonNode high = replaceAt(toJson(sample), List.of("severity"), TextNode.valueOf(Severity.HIGH.name()));

        assertThat(validate(TicketOpened.class, high)).isNotEmpty();
        assertThatThrownBy(() -> new TicketOpened(sample.ticketId(), sample.launchId(), sample.parentTicketId(),
                sample.title(), sample.type(), Severity.HIGH, Impact.TRADING_BLOCKED, 0, sample.reporter(),
                sample.openedAt(), sample.link()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CRITICAL");

        JsonNode degraded = replaceAt(high, List.of("impact"), TextNode.valueOf(Impact.DEGRADED.name()));
        assertThat(validate(TicketOpened.class, degraded)).isEmpty();
    }

    // the record <-> schema walk

    private static void describe(JsonNode document, Type javaType, JsonNode schemaNode, String path, List<String> problems,
            Map<Class<?>, JsonNode> recordSchemas) {
        JsonNode schema = resolve(document, schemaNode);
        Class<?> raw = javaType instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) javaType;
        if (raw.isRecord()) {
            expect(schema, "type", "object", path, problems);
            if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
                problems.add(path + ": additionalProperties must be false");
            }
            List<String> components = Arrays.stream(raw.getRecordComponents()).map(RecordComponent::getName).toList();
            List<String> properties = names(schema.path("properties"));
            if (!components.equals(properties)) {
                problems.add(path + ": properties " + properties + " are not the record components " + components);
            }
            if (!properties.containsAll(required(schema))) {
                problems.add(path + ": required " + required(schema) + " names unknown properties");
            }
            recordSchemas.putIfAbsent(raw, schema);
            for (RecordComponent component : raw.getRecordComponents()) {
                JsonNode property = schema.path("properties").path(component.getName());
                if (!property.isMissingNode()) {
                    describe(document, component.getGenericType(), property, path + "." + component.getName(), problems,
                            recordSchemas);
                }
            }
        } else if (raw.isEnum()) {
            expect(schema, "type", "string", path, problems);
            List<String> constants = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            List<String> values = EventContract.stream(schema.path("enum")).map(JsonNode::asText).toList();
            if (!constants.equals(values)) {
                problems.add(path + ": enum " + values + " is not " + raw.getSimpleName() + " " + constants);
            }
        } else if (raw == List.class) {
            expect(schema, "type", "array", path, problems);
            Type element = ((ParameterizedType) javaType).getActualTypeArguments()[0];
            describe(document, element, schema.path("items"), path + "[]", problems, recordSchemas);
        } else if (raw == UUID.class) {
            expect(schema, "type", "string", path, problems);
            expect(schema, "format", "uuid", path, problems);
        } else if (raw == Instant.class) {
            expect(schema, "type", "string", path, problems);
            expect(schema, "format", "date-time", path, problems);
        } else if (raw == LocalDate.class) {
            expect(schema, "type", "string", path, problems);
            expect(schema, "format", "date", path, problems);
        } else if (raw == String.class) {
            expect(schema, "type", "string", path, problems);
            if (path.endsWith(".link") || path.endsWith("Link")) {
                expect(schema, "format", "uri", path, problems);
            }
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            expect(schema, "type", "integer", path, problems);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(schema, "type", "boolean", path, problems);
        } else {
            problems.add(path + ": no JSON mapping known for " + javaType.getTypeName());
        }
    }

    private static void expect(JsonNode schema, String keyword, String value, String path, List<String> problems) {
        if (!value.equals(schema.path(keyword).asText(null))) {
            problems.add(path + ": " + keyword + " should be " + value + " but is " + schema.path(keyword));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectKeys(JsonNode document, JsonNode schemaNode, JsonNode value, Map<JsonNode, Set<String>> seen) {
        JsonNode schema = resolve(document, schemaNode);
        if (value.isObject()) {
            Set<String> keys = seen.computeIfAbsent(schema, s -> new LinkedHashSet<>());
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                keys.add(field.getKey());
                collectKeys(document, schema.path("properties").path(field.getKey()), field.getValue(), seen);
            }
        } else if (value.isArray()) {
            value.forEach(element -> collectKeys(document, schema.path("items"), element, seen));
        }
    }

    private static void collectRecords(Object value, Map<Class<?>, Record> found) throws ReflectiveOperationException {
        if (value instanceof Record record) {
            found.putIfAbsent(record.getClass(), record);
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                collectRecords(component.getAccessor().invoke(record), found);
            }
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                collectRecords(element, found);
            }
        }
    }

    // broken payloads

    record Mutation(String kind, List<Object> path, JsonNode payload) {
        String description() {
            return kind + " at " + (path.isEmpty() ? "the root" : path.stream().map(String::valueOf).collect(Collectors.joining(".")));
        }
    }

    private static void mutate(JsonNode document, JsonNode schemaNode, JsonNode root, JsonNode value, List<Object> path,
            List<Mutation> out) {
        JsonNode schema = resolve(document, schemaNode);
        out.add(new Mutation("wrong type", path, replaceAt(root, path, wrongType(value))));
        if (schema.has("enum")) {
            out.add(new Mutation("unknown enum value", path, replaceAt(root, path, TextNode.valueOf("NOT_A_KNOWN_VALUE"))));
        }
        if (schema.has("format")) {
            out.add(new Mutation("invalid format", path, replaceAt(root, path, TextNode.valueOf("not a " + schema.get("format").asText()))));
        }
        if (schema.has("pattern")) {
            out.add(new Mutation("pattern mismatch", path, replaceAt(root, path, TextNode.valueOf("does not match!"))));
        }
        if (schema.has("minimum")) {
            out.add(new Mutation("below minimum", path, replaceAt(root, path, IntNode.valueOf(schema.get("minimum").asInt() - 1))));
        }
        if (schema.path("minItems").asInt() > 0) {
            out.add(new Mutation("too few items", path, replaceAt(root, path, JsonNodeFactory.instance.arrayNode())));
        }
        if (value.isObject()) {
            ObjectNode extra = value.deepCopy();
            extra.put("unexpectedProperty", "surprise");
            out.add(new Mutation("extra property", path, replaceAt(root, path, extra)));
            for (String name : required(schema)) {
                out.add(new Mutation("required field removed", append(path, name), replaceAt(root, append(path, name), null)));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                mutate(document, schema.path("properties").path(field.getKey()), root, field.getValue(),
                        append(path, field.getKey()), out);
            }
        } else if (value.isArray() && !value.isEmpty()) {
            mutate(document, schema.path("items"), root, value.get(0), append(path, 0), out);
        }
    }

    private static JsonNode wrongType(JsonNode value) {
        if (value.isTextual()) {
            return IntNode.valueOf(42);
        }
        if (value.isNumber()) {
            return TextNode.valueOf(value.asText());
        }
        if (value.isBoolean()) {
            return TextNode.valueOf(value.asText());
        }
        if (value.isArray()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (value.isObject()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        return BooleanNode.TRUE;
    }

    private static List<Object> append(List<Object> path, Object segment) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(segment);
        return List.copyOf(longer);
    }
}
