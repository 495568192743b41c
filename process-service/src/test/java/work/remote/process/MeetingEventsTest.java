package work.remote.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static work.remote.process.Api.as;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.TestProducer;
import work.remote.platform.CloudEventRecords;
import work.remote.events.DomainEvent;
import work.remote.events.meeting.ActionItem;
import work.remote.events.meeting.FeedbackItem;
import work.remote.events.meeting.MeetingConcluded;
import work.remote.events.meeting.MeetingKind;
import work.remote.events.meeting.MeetingSubject;
import work.remote.events.meeting.RetrospectiveCompleted;

/** meeting-service's events, published to the real broker as its outbox would, and what they leave on a process. */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class MeetingEventsTest {

    static TestProducer producer;

    @BeforeAll
    static void connect() {
        producer = TestProducer.of(RemoteWorkTestResource.kafka().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    static void send(String ceId, DomainEvent event) {
        send(CloudEventRecords.of(ceId, event, Instant.now()));
    }

    static void send(ProducerRecord<String, String> record) {
        producer.send(record);
    }

    static MeetingConcluded meeting(UUID meetingId, MeetingSubject subject, List<FeedbackItem> feedback) {
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        return new MeetingConcluded(meetingId, MeetingKind.DISCUSSION, subject, "Discussing " + subject.title(),
                "maya", start, start.plus(Duration.ofMinutes(40)), List.of(), List.of(), List.of("Keep it"),
                feedback, "http://localhost:8082/meetings/" + meetingId);
    }

    static int feedbackCount(String processId) {
        return as("product").when().get("/processes/{id}/feedback", processId).then().statusCode(200)
                .extract().path("total");
    }

    @Test
    void meetingConcludedRedeliveredTwiceAttachesItsFeedbackOnce() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));
        UUID meetingId = UUID.randomUUID();
        MeetingSubject subject = MeetingSubject.process(UUID.fromString(id), "Document review", null);
        MeetingConcluded concluded = meeting(meetingId, subject, List.of(
                new FeedbackItem("bo", FeedbackItem.Kind.PROBLEM, "step:review", "Reviews take too long"),
                new FeedbackItem("ana", FeedbackItem.Kind.SUGGESTION, null, "Add a template")));
        String ceId = UUID.randomUUID().toString();
        send(ceId, concluded);
        send(ceId, concluded);
        send(ceId, concluded);
        // same meeting, so same key and partition: once this one is attached, the redeliveries were handled
        send(UUID.randomUUID().toString(), meeting(meetingId, subject,
                List.of(new FeedbackItem("cy", FeedbackItem.Kind.QUESTION, null, "Who reviews on holidays?"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> feedbackCount(id) >= 3);
        as("cs-agent").when().get("/processes/{id}/feedback", id).then()
                .body("total", equalTo(3))
                .body("items.text", org.hamcrest.Matchers.containsInAnyOrder("Reviews take too long",
                        "Add a template", "Who reviews on holidays?"))
                .body("items.forVersion", equalTo(List.of(1, 1, 1)))
                .body("items.find { it.author == 'bo' }.concerns", equalTo("step:review"))
                .body("items.find { it.author == 'bo' }.kind", equalTo("PROBLEM"));
    }

    @Test
    void meetingsAboutALaunchLeaveNoFeedbackOnAProcess() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));
        UUID meetingId = UUID.randomUUID();
        send(UUID.randomUUID().toString(), meeting(meetingId,
                new MeetingSubject(MeetingSubject.Kind.LAUNCH, UUID.fromString(id), "Launch", null),
                List.of(new FeedbackItem("bo", FeedbackItem.Kind.PROBLEM, null, "About the launch"))));
        send(UUID.randomUUID().toString(), meeting(meetingId,
                MeetingSubject.process(UUID.fromString(id), "Document review", null),
                List.of(new FeedbackItem("cy", FeedbackItem.Kind.QUESTION, null, "About the process"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> feedbackCount(id) >= 1);
        as("product").when().get("/processes/{id}/feedback", id).then()
                .body("items.text", equalTo(List.of("About the process")));
    }

    @Test
    void retrospectiveImprovementsStayOpenUntilALaterVersionAddressesThem() {
        String id = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        UUID meetingId = UUID.randomUUID();
        UUID actionId = UUID.randomUUID();
        send(UUID.randomUUID().toString(), new RetrospectiveCompleted(meetingId,
                MeetingSubject.process(UUID.fromString(id), "Document review", 1), "AAR of document review",
                "maya", "Reviews within a day", "Reviews took three days", "Reviewers were not told",
                List.of("The checklist"), List.of("Tell reviewers when a draft is ready"),
                List.of(new ActionItem(actionId, "Add a notify-reviewer step", "ana", LocalDate.parse("2026-12-01"))),
                Instant.now(), "http://localhost:8082/meetings/" + meetingId));

        await().atMost(Duration.ofSeconds(30)).until(() -> improvements(id, true).size() == 2);
        List<Map<String, Object>> open = improvements(id, true);
        assertThat(open).extracting(item -> item.get("description")).containsExactlyInAnyOrder(
                "Tell reviewers when a draft is ready", "Add a notify-reviewer step");
        String actionItem = open.stream().filter(item -> actionId.toString().equals(item.get("actionItemId")))
                .findFirst().orElseThrow().get("id").toString();
        assertThat(open).filteredOn(item -> item.get("id").equals(actionItem)).singleElement()
                .satisfies(item -> {
                    assertThat(item.get("owner")).isEqualTo("ana");
                    assertThat(item.get("due")).isEqualTo("2026-12-01");
                });

        as("product").body(Map.of("changeSummary", "Notify reviewers")).when()
                .post("/processes/{id}/refinements", id).then().statusCode(200);
        Api.rehearsed(id);
        as("product").body(Map.of("changeSummary", "Notify reviewers", "addressedImprovements",
                List.of(UUID.randomUUID()))).when().post("/processes/{id}/versions", id).then().statusCode(400)
                .body("violations[0].field", equalTo("addressedImprovements[0]"));
        as("product").body(Map.of("changeSummary", "Notify reviewers", "addressedImprovements", List.of(actionItem)))
                .when().post("/processes/{id}/versions", id).then().statusCode(201);

        assertThat(improvements(id, true)).extracting(item -> item.get("description"))
                .containsExactly("Tell reviewers when a draft is ready");
        assertThat(improvements(id, false)).filteredOn(item -> item.get("id").equals(actionItem)).singleElement()
                .satisfies(item -> assertThat(item.get("addressedInVersion")).isEqualTo(2));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String key = UUID.randomUUID().toString();
        try (RecordingConsumer deadLetters = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(),
                "remote-work.process.dead-letter")) {
            send(new ProducerRecord<>("remote-work.meeting.events", key, "{\"not\": \"a cloud event\"}"));
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.withKey(key).size() == 1);
        }
        String id = Api.created(Drafts.review(Drafts.uniqueKey("review")));
        send(UUID.randomUUID().toString(), meeting(UUID.randomUUID(),
                MeetingSubject.process(UUID.fromString(id), "Document review", null),
                List.of(new FeedbackItem("cy", FeedbackItem.Kind.QUESTION, null, "Still listening?"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> feedbackCount(id) == 1);
    }

    private static List<Map<String, Object>> improvements(String id, boolean open) {
        return as("cs-lead").when().get("/processes/{id}/improvements?open=" + open, id).then().statusCode(200)
                .extract().path("items");
    }
}
