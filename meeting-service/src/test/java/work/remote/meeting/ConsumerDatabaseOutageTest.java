package work.remote.meeting;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import work.remote.devinfra.DevInfra;
import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.TestProducer;
import work.remote.platform.CloudEventRecords;
import work.remote.events.EventType;

/**
 * What a PostgreSQL failover looks like to the consumer: its connections are terminated and the database refuses
 * new ones for a while, as events arrive through the real broker. Every event is processed exactly once when the
 * database is back, nothing is dead-lettered, and readiness is DOWN while the consumer waits.
 */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class ConsumerDatabaseOutageTest {

    static final Pattern ATTEMPTS = Pattern.compile("\\((\\d+) attempt\\(s\\)\\)");
    static final int EVENTS = 5;

    @Inject
    EntityManager entityManager;

    @Test
    void eventsArrivingWhileTheDatabaseIsDownAreProcessedOnceItIsBackAndNoneIsDeadLettered() throws Exception {
        List<UUID> processes = new ArrayList<>();
        List<String> ceIds = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            processes.add(Subjects.process());
            ceIds.add(UUID.randomUUID().toString());
        }
        try (RecordingConsumer deadLetters = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(),
                DeadLetterTest.DEAD_LETTER_TOPIC);
                TestProducer producer = TestProducer.of(RemoteWorkTestResource.kafka().bootstrapServers());
                Connection admin = maintenanceConnection()) {
            try {
                refuseConnections(admin);
                for (int i = 0; i < EVENTS; i++) {
                    producer.send(CloudEventRecords.of(ceIds.get(i), DeadLetterTest.review(processes.get(i)),
                            Instant.now()));
                }

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    Map<String, Object> consumers = consumerCheck(503);
                    assertThat(consumers.get("status")).isEqualTo("DOWN");
                    String waiting = (String) dataOf(consumers).get("meeting-service");
                    assertThat(waiting).contains("work.remote.process.ProcessReviewRequested");
                    assertThat(attempts(waiting)).as("attempts while the database refuses").isGreaterThanOrEqualTo(6);
                });
                terminateConnections(admin);
            } finally {
                allowConnections(admin);
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> processes.stream()
                    .allMatch(process -> EventConsumerTest.meetingsAbout(process).size() == 1));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(consumerCheck(200).get("status")).isEqualTo("UP"));
            for (String ceId : ceIds) {
                assertThat(inboxCount(ceId)).as("inbox rows of " + ceId).isEqualTo(1);
            }

            String marker = UUID.randomUUID().toString();
            producer.send(new ProducerRecord<>(EventType.topicOf("process"), marker, "{\"not\": \"a cloud event\"}"));
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.withKey(marker).size() == 1);
            for (UUID process : processes) {
                assertThat(deadLetters.withKey(process.toString())).as("dead letters of " + process).isEmpty();
            }
        }
    }

    static Connection maintenanceConnection() throws SQLException {
        var postgres = RemoteWorkTestResource.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
    }

    static void refuseConnections(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + DevInfra.DATABASE + " ALLOW_CONNECTIONS false");
        }
        terminateConnections(admin);
    }

    static void terminateConnections(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + DevInfra.DATABASE + "' AND pid <> pg_backend_pid()");
        }
    }

    static void allowConnections(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + DevInfra.DATABASE + " ALLOW_CONNECTIONS true");
        }
    }

    /** The "Event consumers" readiness check, from a readiness answer with {@code status}. */
    static Map<String, Object> consumerCheck(int status) {
        JsonPath health = given().when().get("/q/health/ready").then().statusCode(status).extract().jsonPath();
        return health.getMap("checks.find { it.name == 'Event consumers' }");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> dataOf(Map<String, Object> check) {
        return (Map<String, Object>) check.get("data");
    }

    static int attempts(String waiting) {
        Matcher matcher = ATTEMPTS.matcher(waiting);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private long inboxCount(String ceId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from inbox_event where consumer = ?1 and ce_id = ?2")
                .setParameter(1, "meeting-service")
                .setParameter(2, ceId).getSingleResult()).longValue());
    }
}
