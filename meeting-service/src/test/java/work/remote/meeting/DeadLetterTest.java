package work.remote.meeting;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.TestProducer;
import work.remote.events.CloudEventHeaders;
import work.remote.platform.CloudEventRecords;
import work.remote.events.EventType;
import work.remote.events.process.ProcessReviewRequested;

/** Ops see what the consumer could never process, and replay dead letters through the real broker, once each. */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class DeadLetterTest {

    static final String DEAD_LETTER_TOPIC = "remote-work.meeting.dead-letter";
    static TestProducer producer;

    @BeforeAll
    static void connect() {
        producer = TestProducer.of(RemoteWorkTestResource.kafka().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @Test
    void aRecordWithoutSubjectIsDeadLetteredWithItsReasonAndOrigin() {
        UUID process = UUID.randomUUID();
        String ceId = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = CloudEventRecords.of(ceId, review(process), Instant.now());
        record.headers().remove(CloudEventHeaders.SUBJECT);
        producer.send(record);

        Map<String, Object> deadLetter = awaitDeadLetter(ceId);
        assertThat(deadLetter.get("topic")).isEqualTo(DEAD_LETTER_TOPIC);
        assertThat(deadLetter.get("originalTopic")).isEqualTo(EventType.topicOf("process"));
        assertThat(deadLetter.get("originalPartition")).isNotNull();
        assertThat(deadLetter.get("originalOffset")).isNotNull();
        assertThat(deadLetter.get("ceType")).isEqualTo("work.remote.process.ProcessReviewRequested");
        assertThat((String) deadLetter.get("reason")).contains("has no ce_subject header");
        assertThat(deadLetter.get("replayed")).isEqualTo(false);
        assertThat(EventConsumerTest.meetingsAbout(process)).isEmpty();
    }

    @Test
    void aReplayPublishesADeadLetterToItsOriginalTopicWithItsHeadersAndOnlyOnce() {
        UUID process = Subjects.process();
        String ceId = UUID.randomUUID().toString();
        ProducerRecord<String, String> original = CloudEventRecords.of(ceId, review(process), Instant.now());
        try (RecordingConsumer processTopic = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(),
                EventType.topicOf("process"))) {
            producer.send(deadLettered(original, "java.sql.SQLException: Acquisition timeout while waiting for new connection"));
            awaitDeadLetter(ceId);

            List<String> replayed = replay("ops");
            assertThat(replayed).contains(ceId);
            await().atMost(Duration.ofSeconds(30)).until(() -> EventConsumerTest.meetingsAbout(process).size() == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> republished(processTopic, process, ceId).size() == 1);
            ConsumerRecord<String, String> republished = republished(processTopic, process, ceId).get(0);
            assertThat(republished.value()).isEqualTo(original.value());
            assertThat(header(republished, CloudEventHeaders.ID)).isEqualTo(ceId);
            assertThat(header(republished, CloudEventHeaders.SUBJECT)).isEqualTo(process.toString());
            assertThat(republished.headers()).noneMatch(header -> header.key().startsWith("dead-letter-"));

            assertThat(replay("admin")).doesNotContain(ceId);
            assertThat(awaitDeadLetter(ceId).get("replayed")).isEqualTo(true);
            assertThat(EventConsumerTest.meetingsAbout(process)).hasSize(1);
        }
    }

    @Test
    void onlyOpsAndAdminSeeOrReplayDeadLetters() {
        MeetingApi.get("ops", "/dead-letters").statusCode(200);
        MeetingApi.get("admin", "/dead-letters").statusCode(200);
        for (String role : List.of("product", "cs-lead", "cs-agent")) {
            MeetingApi.get(role, "/dead-letters").statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(MeetingApi.token("someone", role)).contentType(ContentType.JSON)
                    .when().post("/dead-letters/replay").then().statusCode(403);
        }
        given().when().get("/dead-letters").then().statusCode(401);
        given().when().post("/dead-letters/replay").then().statusCode(401);
    }

    /** The records of {@code process} carrying {@code ceId}: its ProcessDrafted has the same key. */
    static List<ConsumerRecord<String, String>> republished(RecordingConsumer topic, UUID process, String ceId) {
        return topic.withKey(process.toString()).stream()
                .filter(record -> ceId.equals(header(record, CloudEventHeaders.ID))).toList();
    }

    static ProcessReviewRequested review(UUID process) {
        return EventConsumerTest.reviewRequest(process, EventConsumerTest.participants("cs", 2, "cs-lead"));
    }

    /** The record as SmallRye's dead-letter strategy writes it: original key, value and headers, plus where and why. */
    static ProducerRecord<String, String> deadLettered(ProducerRecord<String, String> original, String reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(DEAD_LETTER_TOPIC, null, original.key(),
                original.value(), original.headers());
        dead.headers().add("dead-letter-reason", reason.getBytes(UTF_8));
        dead.headers().add("dead-letter-topic", original.topic().getBytes(UTF_8));
        dead.headers().add("dead-letter-partition", "0".getBytes(UTF_8));
        dead.headers().add("dead-letter-offset", "17".getBytes(UTF_8));
        return dead;
    }

    static Map<String, Object> awaitDeadLetter(String ceId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().stream()
                .filter(item -> ceId.equals(item.get("ceId"))).findFirst().orElse(null), item -> item != null);
    }

    static List<Map<String, Object>> deadLetters() {
        return MeetingApi.get("ops", "/dead-letters?size=200").statusCode(200).extract().jsonPath().getList("items");
    }

    static List<String> replay(String role) {
        return given().auth().oauth2(MeetingApi.token("someone", role)).contentType(ContentType.JSON)
                .when().post("/dead-letters/replay").then().statusCode(200)
                .extract().jsonPath().getList("replayed.ceId");
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }
}
