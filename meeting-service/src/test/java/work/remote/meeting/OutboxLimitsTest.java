package work.remote.meeting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static work.remote.meeting.MeetingApi.discussion;
import static work.remote.meeting.MeetingApi.host;
import static work.remote.meeting.MeetingApi.people;
import static work.remote.meeting.MeetingApi.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.EventType;
import work.remote.events.meeting.MeetingScheduled;
import work.remote.platform.outbox.OutboxRelay;

/**
 * An event the producer cannot send never blocks the outbox: refused when it is caused, parked when it is found. The
 * request bounds keep every valid request's event under Kafka's default 1 MiB, so this service runs with a lower
 * {@code kafka.max.request.size}, as an operator may set it.
 */
@QuarkusTest
@TestProfile(OutboxLimitsTest.SmallerRecords.class)
@WithTestResource(RemoteWorkTestResource.class)
class OutboxLimitsTest {

    static final MeetingTopic topic = MeetingTopic.shared();
    static final int PRODUCER_LIMIT = 256 * 1024;

    public static class SmallerRecords implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.max.request.size", Integer.toString(PRODUCER_LIMIT));
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxRelay relay;

    @Test
    void aConclusionWhoseEventWouldBeTooLargeIsRefusedWithAProblemAndChangesNothing() {
        String id = plan(discussion(Subjects.process(), 45, people("CS", 3, "lead")));
        MeetingRunTest.start(id);
        MeetingApi.put(MeetingApi.HOST, "cs-agent", "/meetings/" + id + "/attendance",
                Map.of("present", List.of("cs-1", "cs-2", "cs-3"))).statusCode(200);
        List<Map<String, Object>> feedback = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            feedback.add(Map.of("author", "cs-" + (1 + i % 3), "kind", "QUESTION", "text", "€".repeat(1_500)));
        }

        host(id, "/conclusion", Map.of("decisions", List.of(), "feedback", feedback)).log().ifValidationFails().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://remote.work/problems/event-too-large"))
                .body("detail", containsString("work.remote.meeting.MeetingConcluded"))
                .body("detail", containsString(PRODUCER_LIMIT + " bytes allowed"));

        MeetingApi.get("ops", "/meetings/" + id).statusCode(200).body("state", equalTo("RUNNING"));
        assertThat(outboxRows(id, "work.remote.meeting.MeetingConcluded")).isZero();
    }

    @Test
    void aRowTheBrokerRefusesIsParkedAndTheEventsAfterItArePublished() {
        String tooLargeKey = UUID.randomUUID().toString();
        UUID tooLarge = insertRow(tooLargeKey, "{\"padding\": \"" + "x".repeat(PRODUCER_LIMIT + 100_000) + "\"}");
        String id = plan(discussion(Subjects.process(), 45, people("CS", 3, "lead")));
        relay.nudge();

        await().atMost(Duration.ofSeconds(30)).until(() -> topic.events(id, MeetingScheduled.class).size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedError(tooLarge) != null);
        assertThat(parkedError(tooLarge)).contains("RecordTooLargeException");
        assertThat(topic.events(tooLargeKey, MeetingScheduled.class)).isEmpty();
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("remote_work_outbox_parked_total"));
    }

    private UUID insertRow(String key, String payload) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into outbox_event (id, topic, ordering_key, ce_type, ce_source, ce_subject, occurred_at, payload)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, id)
                .setParameter(2, EventType.topicOf("meeting"))
                .setParameter(3, key)
                .setParameter(4, EventType.of(MeetingScheduled.class).ceType())
                .setParameter(5, EventType.of(MeetingScheduled.class).source())
                .setParameter(6, key)
                .setParameter(7, Instant.now())
                .setParameter(8, payload)
                .executeUpdate());
        return id;
    }

    private String parkedError(UUID row) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery(
                    "select last_error from outbox_event where id = ?1 and parked_at is not null and sent_at is null")
                    .setParameter(1, row).getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        });
    }

    private long outboxRows(String key, String ceType) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event where ordering_key = ?1 and ce_type = ?2")
                .setParameter(1, key).setParameter(2, ceType).getSingleResult()).longValue());
    }
}
