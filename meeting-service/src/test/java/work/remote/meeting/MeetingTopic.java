package work.remote.meeting;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.DomainEvent;
import work.remote.events.EventJson;
import work.remote.events.EventType;

/**
 * What meeting-service put on the real broker, read back as the event records other services consume. One
 * recorder serves every test class of the JVM; tests tell their events apart by the meeting id they are keyed by.
 */
final class MeetingTopic {

    private static MeetingTopic shared;

    private final RecordingConsumer consumer = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(),
            EventType.topicOf("meeting"));

    private MeetingTopic() {
    }

    static synchronized MeetingTopic shared() {
        if (shared == null) {
            shared = new MeetingTopic();
        }
        return shared;
    }

    /** The events of {@code type} keyed by {@code key} (a meeting id), in the order published. */
    <T extends DomainEvent> List<T> events(String key, Class<T> type) {
        String ceType = EventType.of(type).ceType();
        return consumer.withKey(key).stream()
                .filter(record -> ceType.equals(header(record, "ce_type")))
                .map(record -> read(record, type))
                .toList();
    }

    /** The {@code ce_type}s published under {@code key}, in order. */
    List<String> types(String key) {
        return consumer.withKey(key).stream().map(record -> header(record, "ce_type")).toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    private static <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return EventJson.mapper().readValue(record.value(), type);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
