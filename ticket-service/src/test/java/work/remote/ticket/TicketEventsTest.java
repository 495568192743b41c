package work.remote.ticket;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.EventJson;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.outbox.OutboxConfig;
import work.remote.platform.outbox.OutboxPublisher;
import work.remote.platform.outbox.OutboxRelay;
import work.remote.platform.outbox.OutboxEvent;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.Impact;
import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketOpened;
import work.remote.events.ticket.TicketType;

/** What ticket-service puts on the real broker, and how its outbox behaves when the broker is away. */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
class TicketEventsTest {

    static final String TOPIC = "remote-work.ticket.events";
    static RecordingConsumer topic;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxConfig outboxConfig;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @BeforeAll
    static void listen() {
        topic = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(), TOPIC);
    }

    @AfterAll
    static void stopListening() {
        topic.close();
    }

    @Test
    void aCriticalReportPublishesTicketOpenedThenCriticalIssueReportedAsCloudEventsKeyedByTicket() {
        String id = TicketResourceTest.report("cs-agent",
                TicketResourceTest.ticket("Withdrawals fail for user 7", "BUG", "WITHDRAWAL_BLOCKED", 1))
                .statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(20)).until(() -> topic.withKey(id).size() == 2);
        List<ConsumerRecord<String, String>> events = topic.withKey(id);
        assertThat(events).extracting(record -> header(record, "ce_type"))
                .containsExactly("work.remote.ticket.TicketOpened", "work.remote.ticket.CriticalIssueReported");
        ConsumerRecord<String, String> critical = events.get(1);
        assertThat(header(critical, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(critical, "ce_source")).isEqualTo("/ticket-service");
        assertThat(header(critical, "ce_subject")).isEqualTo(id);
        assertThat(header(critical, "ce_time")).isNotBlank();
        assertThat(UUID.fromString(header(critical, "ce_id"))).isNotNull();
        assertThat(header(critical, "content-type")).isEqualTo("application/json");
        CriticalIssueReported data = read(critical, CriticalIssueReported.class);
        assertThat(data.ticketId()).hasToString(id);
        assertThat(data.impact()).isEqualTo(Impact.WITHDRAWAL_BLOCKED);
        assertThat(Duration.between(data.reportedAt(), data.resolveBy())).isEqualTo(Duration.ofHours(3));
        assertThat(data.link()).endsWith("/tickets/" + id);
    }

    @Test
    void eventsCommittedWhileTheBrokerIsDownArriveOnceItIsBack() {
        RemoteWorkTestResource.kafka().stop();
        String id;
        try {
            id = TicketResourceTest.report("cs-agent",
                    TicketResourceTest.ticket("Trading blocked during outage", "BUG", "TRADING_BLOCKED", 2))
                    .statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> failedAttempts(id) > 0);
            assertThat(topic.withKey(id)).isEmpty();
        } finally {
            RemoteWorkTestResource.kafka().restart();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> topic.withKey(id).stream()
                .map(record -> header(record, "ce_id")).distinct().count() == 2);
        Map<String, String> ceIdByType = topic.withKey(id).stream()
                .collect(Collectors.toMap(record -> header(record, "ce_type"), record -> header(record, "ce_id"),
                        (first, resent) -> first));
        Map<String, String> outboxIdByType = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("from OutboxEvent e where e.orderingKey = :key", OutboxEvent.class)
                .setParameter("key", id).getResultList().stream()
                .collect(Collectors.toMap(event -> event.ceType, event -> event.id.toString())));
        assertThat(ceIdByType).as("ce_id stays the one stored at commit time, across retries")
                .isEqualTo(outboxIdByType);
    }

    @Test
    void eventsOfOneAggregateArriveInTheOrderTheyWereCommitted() {
        UUID ticketId = UUID.randomUUID();
        int count = 40;
        for (int i = 0; i < count; i++) {
            int sequence = i;
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(new TicketOpened(ticketId, null, null,
                    "update " + sequence, TicketType.QUESTION, Severity.LOW, Impact.NONE, 0, "tester",
                    java.time.Instant.now(), "http://localhost/tickets/" + ticketId)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.withKey(ticketId.toString()).size() == count);
        assertThat(topic.withKey(ticketId.toString()))
                .extracting(record -> read(record, TicketOpened.class).title())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, count)
                        .mapToObj(i -> "update " + i).toList());
    }

    @Test
    void twoReplicasRelayingOneOutboxPublishEachEventOnceAndInOrder() {
        OutboxPublisher secondPublisher = new OutboxPublisher(kafkaConfig);
        OutboxRelay secondReplica = new OutboxRelay(entityManager, secondPublisher, outboxConfig, Clock.systemUTC(),
                new SimpleMeterRegistry());
        UUID ticketId = UUID.randomUUID();
        int count = 60;
        try {
            for (int i = 0; i < count; i++) {
                int sequence = i;
                QuarkusTransaction.requiringNew().run(() -> outbox.publish(new TicketOpened(ticketId, null, null,
                        "replica race " + sequence, TicketType.QUESTION, Severity.LOW, Impact.NONE, 0, "tester",
                        java.time.Instant.now(), "http://localhost/tickets/" + ticketId)));
                secondReplica.nudge();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.withKey(ticketId.toString()).size() >= count);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.withKey(ticketId.toString()).size() == count);
        } finally {
            secondReplica.stop();
            secondPublisher.close();
        }
        assertThat(topic.withKey(ticketId.toString()))
                .extracting(record -> read(record, TicketOpened.class).title())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, count)
                        .mapToObj(i -> "replica race " + i).toList());
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        UUID ticketId = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(opened(ticketId));
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back, and with it the event
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(opened(marker)));
        await().atMost(Duration.ofSeconds(20)).until(() -> !topic.withKey(marker.toString()).isEmpty());
        assertThat(topic.withKey(ticketId.toString())).isEmpty();
    }

    private static TicketOpened opened(UUID ticketId) {
        return new TicketOpened(ticketId, null, null, "rollback check", TicketType.QUESTION, Severity.LOW,
                Impact.NONE, 0, "tester", java.time.Instant.now(), "http://localhost/tickets/" + ticketId);
    }

    private int failedAttempts(String key) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select coalesce(max(e.attempts), 0) from OutboxEvent e where e.orderingKey = :key",
                        Integer.class)
                .setParameter("key", key).getSingleResult());
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    static <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return EventJson.mapper().readValue(record.value(), type);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
