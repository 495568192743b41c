package work.remote.notification;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.CloudEventHeaders;
import work.remote.events.DomainEvent;
import work.remote.events.EventJson;
import work.remote.events.EventType;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.Impact;

/** Publishes events to the real broker the way a producing service's outbox does: CloudEvents, binary mode. */
final class TestEvents {

    private static KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    RemoteWorkTestResource.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    static CriticalIssueReported criticalIssue(String title, UUID launchId) {
        UUID ticketId = UUID.randomUUID();
        Instant reportedAt = Instant.parse("2026-11-25T10:00:00Z");
        return new CriticalIssueReported(ticketId, launchId, title + " " + ticketId, Impact.WITHDRAWAL_BLOCKED,
                "Error W-17 on the withdrawal screen", 1, "cs-agent-1", reportedAt, reportedAt.plus(Duration.ofHours(3)),
                "http://localhost:8083/tickets/" + ticketId);
    }

    static void send(String ceId, DomainEvent event) {
        EventType type = EventType.of(event.getClass());
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), event.orderingKey(),
                    EventJson.mapper().writeValueAsString(event));
            record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                    .add(CloudEventHeaders.ID, ceId.getBytes(UTF_8))
                    .add(CloudEventHeaders.TYPE, type.ceType().getBytes(UTF_8))
                    .add(CloudEventHeaders.SOURCE, type.source().getBytes(UTF_8))
                    .add(CloudEventHeaders.SUBJECT, event.eventSubject().getBytes(UTF_8))
                    .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
            producer().send(record).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
