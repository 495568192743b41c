package work.remote.process;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static work.remote.process.Api.as;
import static work.remote.process.Api.asPerson;
import static work.remote.process.Api.participant;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.EventJson;
import work.remote.events.process.ChecklistAssigned;
import work.remote.events.process.ChecklistCompleted;
import work.remote.events.process.Participant;
import work.remote.events.process.ProcessDrafted;
import work.remote.events.process.ProcessPublished;
import work.remote.events.process.ProcessRetired;
import work.remote.events.process.ProcessReviewRequested;
import work.remote.events.process.Role;
import work.remote.events.process.RolloutStarted;

/** What process-service puts on the real broker: CloudEvents keyed by the process, one type per fact. */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class ProcessEventsTest {

    static final String TOPIC = "remote-work.process.events";
    static RecordingConsumer topic;

    @BeforeAll
    static void listen() {
        topic = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(), TOPIC);
    }

    @AfterAll
    static void stopListening() {
        topic.close();
    }

    @Test
    void aProcessLifecyclePublishesEachEventWithItsCeTypeKeyedByTheProcess() {
        var draft = Drafts.review(Drafts.uniqueKey("review"));
        String id = Api.created(draft);
        as("product").body(Map.of("participants", List.of(
                Map.of("person", "ana", "functionGroup", "product", "supervisor", "maya"),
                Map.of("person", "bo", "functionGroup", "customer support")))).when()
                .post("/processes/{id}/review-requests", id).then().statusCode(202);
        Api.rehearsed(id);
        Api.publish(id, "First version").statusCode(201);
        String rollout = Api.rolledOut(id, List.of(participant("bo", "reviewer", "maya")));
        asPerson("bo", "cs-agent").when().post("/rollouts/{r}/checklists/bo/lines/0/tick", rollout).then()
                .statusCode(200);
        asPerson("bo", "cs-agent").when().post("/rollouts/{r}/checklists/bo/lines/1/tick", rollout).then()
                .statusCode(200);
        as("admin").body(Map.of("reason", "Superseded")).when().post("/processes/{id}/retirement", id).then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> topic.withKey(id).size() == 7);
        List<ConsumerRecord<String, String>> events = topic.withKey(id);
        assertThat(events).extracting(record -> header(record, "ce_type")).containsExactly(
                "work.remote.process.ProcessDrafted", "work.remote.process.ProcessReviewRequested",
                "work.remote.process.ProcessPublished", "work.remote.process.RolloutStarted",
                "work.remote.process.ChecklistAssigned", "work.remote.process.ChecklistCompleted",
                "work.remote.process.ProcessRetired");
        assertThat(events).allSatisfy(record -> {
            assertThat(header(record, "ce_source")).isEqualTo("/process-service");
            assertThat(header(record, "ce_subject")).isEqualTo(id);
            assertThat(header(record, "ce_id")).isNotBlank();
        });

        ProcessDrafted drafted = read(events.get(0), ProcessDrafted.class);
        assertThat(drafted.key()).isEqualTo(draft.key());
        assertThat(drafted.basedOnVersion()).isNull();
        assertThat(drafted.draftedBy()).isEqualTo("someone-product");
        assertThat(drafted.link()).endsWith("/processes/" + id);

        ProcessReviewRequested review = read(events.get(1), ProcessReviewRequested.class);
        assertThat(review.participants()).containsExactly(new Participant("ana", "product", "maya"),
                new Participant("bo", "customer support", null));

        ProcessPublished published = read(events.get(2), ProcessPublished.class);
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.title()).isEqualTo("Document review");
        assertThat(published.roles()).containsExactly(new Role("author", "product"),
                new Role("reviewer", "customer support"));
        assertThat(published.link()).endsWith("/processes/" + id + "/versions/1");

        RolloutStarted started = read(events.get(3), RolloutStarted.class);
        assertThat(started.rolloutId()).hasToString(rollout);
        assertThat(started.participants()).singleElement().satisfies(assignee -> {
            assertThat(assignee.person()).isEqualTo("bo");
            assertThat(assignee.role()).isEqualTo("reviewer");
        });

        ChecklistAssigned assigned = read(events.get(4), ChecklistAssigned.class);
        assertThat(assigned.person()).isEqualTo("bo");
        assertThat(assigned.items()).extracting(item -> item.stepId() + ":" + item.keyPoint())
                .containsExactly("review:false", "review:true");
        assertThat(assigned.link()).endsWith("/rollouts/" + rollout + "/checklists/bo");

        ChecklistCompleted completed = read(events.get(5), ChecklistCompleted.class);
        assertThat(completed.itemCount()).isEqualTo(2);
        assertThat(completed.checklistId()).isEqualTo(assigned.checklistId());

        ProcessRetired retired = read(events.get(6), ProcessRetired.class);
        assertThat(retired.lastVersion()).isEqualTo(1);
        assertThat(retired.reason()).isEqualTo("Superseded");
        assertThat(retired.retiredBy()).isEqualTo("someone-admin");
    }

    @Test
    void refiningAnnouncesADraftBasedOnTheLatestVersion() {
        String id = Api.published(Drafts.review(Drafts.uniqueKey("review")));
        as("product").body(Map.of("changeSummary", "Shorter reviews")).when()
                .post("/processes/{id}/refinements", id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.withKey(id).size() == 3);
        ProcessDrafted refinement = read(topic.withKey(id).get(2), ProcessDrafted.class);
        assertThat(refinement.basedOnVersion()).isEqualTo(1);
        assertThat(refinement.changeSummary()).isEqualTo("Shorter reviews");
    }

    @Test
    void aRefusedPublicationPublishesNothing() {
        var draft = Drafts.withOutline(Drafts.review(Drafts.uniqueKey("review")), Outline.EMPTY);
        String id = Api.created(draft);
        Api.publish(id, "First version").statusCode(409);
        String marker = Api.created(Drafts.review(Drafts.uniqueKey("marker")));
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.withKey(marker).size() == 1);
        assertThat(topic.withKey(id)).extracting(record -> header(record, "ce_type"))
                .containsExactly("work.remote.process.ProcessDrafted");
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    @Test
    void aReviewRequestSaysWhetherSmallGroupsMayShareASession() {
        String unmixed = Api.created(Drafts.review(Drafts.uniqueKey("unmixed")));
        String mixed = Api.created(Drafts.review(Drafts.uniqueKey("mixed")));
        List<Map<String, String>> participants = List.of(Map.of("person", "ana", "functionGroup", "product"),
                Map.of("person", "bo", "functionGroup", "customer support"));
        as("product").body(Map.of("participants", participants)).when()
                .post("/processes/{id}/review-requests", unmixed).then().statusCode(202);
        as("product").body(Map.of("participants", participants, "mixSmallGroups", true)).when()
                .post("/processes/{id}/review-requests", mixed).then().statusCode(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> topic.withKey(unmixed).size() == 2
                && topic.withKey(mixed).size() == 2);
        assertThat(read(topic.withKey(unmixed).get(1), ProcessReviewRequested.class).smallGroupsMayShareASession()).isFalse();
        assertThat(read(topic.withKey(mixed).get(1), ProcessReviewRequested.class).smallGroupsMayShareASession()).isTrue();
    }

    static <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return EventJson.mapper().readValue(record.value(), type);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
