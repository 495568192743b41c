package work.remote.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/** The published AsyncAPI document ({@code asyncapi.json}) says exactly what the catalog and the schemas say. */
class AsyncApiTest {

    private static final JsonNode ASYNCAPI = EventContract.readResource("asyncapi.json");
    private static final List<String> CLOUD_EVENT_HEADERS = List.of("ce_specversion", "ce_id", "ce_type", "ce_source",
            "ce_subject", "ce_time", "content-type");

    static Stream<Class<? extends DomainEvent>> eventTypes() {
        return EventCatalog.all().stream();
    }

    @Test
    void isAnAsyncApi3DocumentWithOneChannelPerTopic() {
        assertThat(ASYNCAPI.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(ASYNCAPI.path("defaultContentType").asText()).isEqualTo("application/json");
        List<String> addresses = new ArrayList<>();
        ASYNCAPI.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(addresses).containsExactlyElementsOf(
                EventCatalog.contexts().stream().map(EventType::topicOf).toList());
    }

    @Test
    void listsExactlyTheCatalogsCeTypes() {
        Set<String> ceTypes = new LinkedHashSet<>();
        ASYNCAPI.path("components").path("messages")
                .forEach(message -> ceTypes.add(ceTypeHeader(message).path("const").asText()));

        assertThat(ceTypes).containsExactlyInAnyOrderElementsOf(
                EventCatalog.all().stream().map(type -> EventType.of(type).ceType()).toList());
        assertThat(ceTypes).allSatisfy(ceType -> assertThat(EventCatalog.byCeType(ceType)).isPresent());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void describesEachEventsMessage(Class<? extends DomainEvent> type) {
        EventType eventType = EventType.of(type);
        JsonNode message = ASYNCAPI.path("components").path("messages").path(type.getSimpleName());

        assertThat(message.path("name").asText()).isEqualTo(type.getSimpleName());
        assertThat(message.path("title").asText()).isEqualTo(eventType.ceType());
        assertThat(message.path("contentType").asText()).isEqualTo("application/json");
        assertThat(message.path("payload").path("schema").path("$ref").asText())
                .isEqualTo("./" + eventType.schemaResource());
        assertThat(ceTypeHeader(message).path("const").asText()).isEqualTo(eventType.ceType());
        assertThat(header(message, "ce_source").path("const").asText()).isEqualTo(eventType.source());

        JsonNode channel = channelOf(eventType.topic());
        assertThat(channel.path("messages").path(type.getSimpleName()).path("$ref").asText())
                .isEqualTo("#/components/messages/" + type.getSimpleName());
        assertThat(channel.path("bindings").path("kafka").path("topic").asText()).isEqualTo(eventType.topic());
        assertThat(EventCatalog.ofContext(eventType.context())).hasSize(channel.path("messages").size());
    }

    /** The subject field and key fields the document names are what the record really uses. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void documentsTheSubjectAndTheKafkaKey(Class<? extends DomainEvent> type) {
        JsonNode message = ASYNCAPI.path("components").path("messages").path(type.getSimpleName());
        DomainEvent sample = EventSamples.of(type);
        JsonNode json = EventContract.toJson(sample);

        assertThat(json.path(message.path("x-subject-field").asText()).asText()).isEqualTo(sample.eventSubject());
        String firstKeyPresent = EventContract.stream(message.path("x-key-fields"))
                .map(field -> json.path(field.asText()))
                .filter(value -> !value.isMissingNode())
                .map(JsonNode::asText)
                .findFirst().orElseThrow();
        assertThat(firstKeyPresent).isEqualTo(sample.orderingKey());
        JsonNode key = message.path("bindings").path("kafka").path("key");
        assertThat(key.path("type").asText()).isEqualTo("string");
        EventContract.stream(message.path("x-key-fields"))
                .forEach(field -> assertThat(key.path("description").asText()).contains(field.asText()));
    }

    @Test
    void cloudEventsHeadersAreTheBinaryModeKafkaHeaders() {
        JsonNode headers = ASYNCAPI.path("components").path("schemas").path("CloudEventHeaders");
        List<String> required = EventContract.stream(headers.path("required")).map(JsonNode::asText).toList();

        assertThat(required).containsExactlyElementsOf(CLOUD_EVENT_HEADERS);
        assertThat(CLOUD_EVENT_HEADERS).containsExactly(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID,
                CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE, CloudEventHeaders.SUBJECT, CloudEventHeaders.TIME,
                CloudEventHeaders.CONTENT_TYPE);
        assertThat(headers.path("properties").path("ce_specversion").path("const").asText()).isEqualTo("1.0");
        assertThat(headers.path("properties").path("ce_id").path("format").asText()).isEqualTo("uuid");
        assertThat(headers.path("properties").path("ce_time").path("format").asText()).isEqualTo("date-time");
    }

    @Test
    void everyReferenceResolves() {
        List<String> unresolved = new ArrayList<>();
        collectRefs(ASYNCAPI).forEach(ref -> {
            if (ref.startsWith("#/")) {
                if (ASYNCAPI.at(ref.substring(1)).isMissingNode()) {
                    unresolved.add(ref);
                }
            } else if (getClass().getClassLoader().getResource(ref.replaceFirst("^\\./", "")) == null) {
                unresolved.add(ref);
            }
        });
        assertThat(unresolved).isEmpty();
    }

    @Test
    void eachServiceSendsExactlyItsOwnChannelsMessages() {
        Map<String, JsonNode> sends = fields(ASYNCAPI.path("operations")).entrySet().stream()
                .filter(operation -> operation.getValue().path("action").asText().equals("send"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(sends).hasSize(EventCatalog.contexts().size());
        for (JsonNode operation : sends.values()) {
            String channelRef = operation.path("channel").path("$ref").asText();
            JsonNode channel = ASYNCAPI.at(channelRef.substring(1));
            Set<String> sent = EventContract.stream(operation.path("messages"))
                    .map(message -> message.path("$ref").asText())
                    .collect(Collectors.toSet());
            Set<String> declared = new LinkedHashSet<>();
            channel.path("messages").fieldNames().forEachRemaining(name -> declared.add(channelRef + "/messages/" + name));
            assertThat(sent).isEqualTo(declared);
        }
    }

    @Test
    void theChoreographyOfDesignIsDocumented() {
        Map<String, JsonNode> operations = fields(ASYNCAPI.path("operations"));
        assertThat(received(operations, "meetingService")).contains("ProcessReviewRequested", "LaunchClosed");
        assertThat(received(operations, "processService")).contains("MeetingConcluded", "RetrospectiveCompleted");
        assertThat(received(operations, "ticketService")).contains("MeetingConcluded");
        assertThat(received(operations, "notificationService")).containsAll(Stream.of("process", "meeting", "ticket")
                .flatMap(context -> EventCatalog.ofContext(context).stream())
                .map(Class::getSimpleName)
                .toList());
    }

    private static Set<String> received(Map<String, JsonNode> operations, String service) {
        return operations.entrySet().stream()
                .filter(operation -> operation.getKey().startsWith(service))
                .filter(operation -> operation.getValue().path("action").asText().equals("receive"))
                .flatMap(operation -> EventContract.stream(operation.getValue().path("messages")))
                .map(message -> message.path("$ref").asText())
                .map(ref -> ref.substring(ref.lastIndexOf('/') + 1))
                .collect(Collectors.toSet());
    }

    private static JsonNode channelOf(String topic) {
        for (JsonNode channel : ASYNCAPI.path("channels")) {
            if (channel.path("address").asText().equals(topic)) {
                return channel;
            }
        }
        throw new AssertionError("No channel for " + topic);
    }

    private static JsonNode ceTypeHeader(JsonNode message) {
        return header(message, "ce_type");
    }

    /** The message-specific header schema, which narrows the shared CloudEvents headers. */
    private static JsonNode header(JsonNode message, String name) {
        JsonNode allOf = message.path("headers").path("allOf");
        assertThat(allOf.path(0).path("$ref").asText()).isEqualTo("#/components/schemas/CloudEventHeaders");
        return allOf.path(1).path("properties").path(name);
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), field.getValue());
        }
        return fields;
    }

    private static List<String> collectRefs(JsonNode node) {
        List<String> refs = new ArrayList<>();
        if (node.isObject()) {
            fields(node).forEach((name, value) -> {
                if (name.equals("$ref")) {
                    refs.add(value.asText());
                } else {
                    refs.addAll(collectRefs(value));
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> refs.addAll(collectRefs(element)));
        }
        return refs;
    }
}
