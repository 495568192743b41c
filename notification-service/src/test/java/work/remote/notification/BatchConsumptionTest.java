package work.remote.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import work.remote.devinfra.DevInfra;
import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.DomainEvent;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.LaunchStatusPosted;
import work.remote.events.ticket.Severity;
import work.remote.platform.CloudEventRecords;

/**
 * The consumer reads its records in batches and records and plans a batch in one transaction; what goes wrong with
 * one event of a batch is handled for that event alone, in order, as the inbox does one event at a time.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class BatchConsumptionTest {

    static final String DEAD_LETTER_TOPIC = "remote-work.notification.dead-letter";

    @Inject
    EntityManager entityManager;

    /** Sends {@code records} in order without waiting for each acknowledgement, so that one poll reads them together. */
    static void sendTogether(List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RemoteWorkTestResource.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(),
                new StringSerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    static ProducerRecord<String, String> record(String ceId, DomainEvent event) {
        return CloudEventRecords.of(ceId, event, Instant.now());
    }

    long inboxRows(String ceId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from inbox_event where consumer = 'notification-service' "
                        + "and ce_id = ?1")
                .setParameter(1, ceId).getSingleResult()).longValue());
    }

    @Test
    void anEventThatKeepsFailingIsDeadLetteredAloneAndTheRestOfItsBatchIsPlannedOnceEach() {
        UUID launch = UUID.randomUUID();
        CriticalIssueReported before = TestEvents.criticalIssue("Before the poison", launch);
        CriticalIssueReported after = TestEvents.criticalIssue("After the poison", launch);
        // a channel name with a NUL character, which PostgreSQL refuses in text: planning fails the same way every time
        LaunchStatusPosted poison = TestEvents.statusPost(launch, "#launch\u0000" + launch, "Never planned");
        String beforeId = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        String afterId = UUID.randomUUID().toString();
        try (RecordingConsumer deadLetters = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(),
                DEAD_LETTER_TOPIC)) {
            sendTogether(List.of(record(beforeId, before), record(poisonId, poison), record(afterId, after),
                    record(beforeId, before)));

            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.withKey(launch.toString()).size() == 1);
            String reason = new String(deadLetters.withKey(launch.toString()).get(0).headers()
                    .lastHeader("dead-letter-reason").value());
            assertThat(reason).contains("notification-service failed 5 time(s)").contains(poisonId);
            await().atMost(Duration.ofSeconds(30)).until(() -> CriticalIssueNotificationTest.slackCallsAbout(before)
                    .size() == 1 && CriticalIssueNotificationTest.slackCallsAbout(after).size() == 1);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> CriticalIssueNotificationTest.slackCallsAbout(before).size() == 1);
            assertThat(inboxRows(beforeId)).isEqualTo(1);
            assertThat(inboxRows(afterId)).isEqualTo(1);
            assertThat(inboxRows(poisonId)).isZero();
        }
    }

    @Test
    void anEventThatGoesToNobodyIsConsumedWithoutAnInboxRow() {
        UUID launch = UUID.randomUUID();
        // no route takes TicketOpened; the critical issue after it on the same partition shows it was consumed
        String openedId = UUID.randomUUID().toString();
        CriticalIssueReported critical = TestEvents.criticalIssue("After an event for nobody", launch);
        String criticalId = UUID.randomUUID().toString();
        sendTogether(List.of(record(openedId, RouteTest.ticket(launch, Severity.LOW)),
                record(criticalId, critical)));

        await().atMost(Duration.ofSeconds(30)).until(() -> inboxRows(criticalId) == 1);
        assertThat(inboxRows(openedId)).isZero();
    }

    @Test
    void eventsArrivingWhileTheDatabaseRefusesConnectionsArePlannedOnceEachWhenItIsBack() throws Exception {
        UUID launch = UUID.randomUUID();
        List<CriticalIssueReported> issues = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CriticalIssueReported issue = TestEvents.criticalIssue("During the outage " + i, launch);
            issues.add(issue);
            records.add(record(UUID.randomUUID().toString(), issue));
        }
        try (RecordingConsumer deadLetters = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(),
                DEAD_LETTER_TOPIC);
                Connection admin = maintenanceConnection()) {
            try {
                refuseConnections(admin);
                sendTogether(records);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    JsonPath health = given().when().get("/q/health/ready").then().statusCode(503).extract()
                            .jsonPath();
                    Map<String, Object> consumers = health.getMap("checks.find { it.name == 'Event consumers' }");
                    assertThat(consumers.get("status")).isEqualTo("DOWN");
                    assertThat(String.valueOf(consumers.get("data")))
                            .contains("work.remote.ticket.CriticalIssueReported");
                });
            } finally {
                allowConnections(admin);
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> issues.stream()
                    .allMatch(issue -> CriticalIssueNotificationTest.slackCallsAbout(issue).size() == 1));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> issues.stream()
                    .allMatch(issue -> CriticalIssueNotificationTest.slackCallsAbout(issue).size() == 1));
            assertThat(deadLetters.withKey(launch.toString())).isEmpty();
        }
    }

    static Connection maintenanceConnection() throws SQLException {
        var postgres = RemoteWorkTestResource.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
    }

    static void refuseConnections(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + DevInfra.DATABASE + " ALLOW_CONNECTIONS false");
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + DevInfra.DATABASE + "' AND pid <> pg_backend_pid()");
        }
    }

    static void allowConnections(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + DevInfra.DATABASE + " ALLOW_CONNECTIONS true");
        }
    }
}
