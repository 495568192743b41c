package work.remote.opsconsumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import work.remote.devinfra.KafkaBroker;
import work.remote.events.DomainEvent;
import work.remote.events.EventCatalog;
import work.remote.events.EventSamples;
import work.remote.events.EventType;
import work.remote.platform.CloudEventRecords;

/** What our outboxes write, every event type of the catalog, decodes with the SDK and the contract jar alone. */
class OpsConsumerTest {

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(0, null);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void everyEventTypeOurServicesPublishDecodesIntoItsContractRecord() throws Exception {
        List<DomainEvent> published = EventSamples.all();
        List<String> ceIds = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (DomainEvent event : published) {
                String ceId = UUID.randomUUID().toString();
                ceIds.add(ceId);
                producer.send(CloudEventRecords.of(ceId, event, Instant.now())).get();
            }
        }

        String[] topics = EventCatalog.contexts().stream().map(EventType::topicOf).toArray(String[]::new);
        List<OpsConsumer.Received> received = new ArrayList<>();
        try (OpsConsumer ops = new OpsConsumer(broker.bootstrapServers(), "ops-" + UUID.randomUUID(), topics)) {
            Instant giveUp = Instant.now().plusSeconds(60);
            while (received.size() < published.size() && Instant.now().isBefore(giveUp)) {
                ops.poll(Duration.ofMillis(500), received::add);
            }
        }

        assertThat(received).extracting(OpsConsumer.Received::event).containsExactlyInAnyOrderElementsOf(published);
        assertThat(received).extracting(r -> r.envelope().getId()).containsExactlyInAnyOrderElementsOf(ceIds);
        assertThat(received).allSatisfy(r -> {
            EventType type = EventType.of(r.event().getClass());
            assertThat(r.envelope().getType()).isEqualTo(type.ceType());
            assertThat(r.envelope().getSource()).hasToString(type.source());
            assertThat(r.envelope().getSubject()).isEqualTo(r.event().eventSubject());
            assertThat(r.topic()).isEqualTo(type.topic());
        });
    }
}
