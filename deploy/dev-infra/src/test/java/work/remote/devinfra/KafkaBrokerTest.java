package work.remote.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(0, null);
    }

    @AfterAll
    static void closeBroker() {
        broker.close();
    }

    @Test
    void autoCreatesTopicsWithThreePartitions() throws Exception {
        send("partitions", "k", "v");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            var topic = admin.describeTopics(List.of("partitions")).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get("partitions");
            assertThat(topic.partitions()).hasSize(3);
        }
    }

    @Test
    void createsEveryContextsEventsTopicAndEveryServicesDeadLetterTopicAtStart() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains(
                    "remote-work.process.events", "remote-work.meeting.events", "remote-work.ticket.events",
                    "remote-work.notification.events", "remote-work.process.dead-letter",
                    "remote-work.meeting.dead-letter", "remote-work.ticket.dead-letter",
                    "remote-work.notification.dead-letter");
        }
    }

    @Test
    void producesAndConsumesARecord() throws Exception {
        send("round-trip", "ticket-42", "{\"title\":\"Withdrawals fail\"}");

        List<ConsumerRecord<String, String>> records = readAll("round-trip", 1);

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("ticket-42");
            assertThat(record.value()).isEqualTo("{\"title\":\"Withdrawals fail\"}");
        });
    }

    @Test
    void keepsItsDataAcrossStopAndRestart() throws Exception {
        send("outage", "launch-1", "before");

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        broker.restart();
        assertThat(broker.isRunning()).isTrue();

        send("outage", "launch-1", "after");
        assertThat(readAll("outage", 2)).extracting(ConsumerRecord::value).containsExactly("before", "after");
    }

    @Test
    void refusesAPortThatIsTaken() {
        assertThatThrownBy(() -> KafkaBroker.start(broker.port(), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("port " + broker.port());
    }

    @Test
    void writesTheBrokerOutputNextToTheLogDirectory() {
        assertThat(broker.logFile()).hasParent(broker.logDir().getParent()).isNotEmptyFile();
    }

    private static void send(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
