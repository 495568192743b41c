package work.remote.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static work.remote.meeting.MeetingApi.HOST;
import static work.remote.meeting.MeetingApi.meeting;
import static work.remote.meeting.MeetingApi.people;
import static work.remote.meeting.MeetingApi.plan;
import static work.remote.meeting.MeetingApi.post;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.meeting.ActionItem;
import work.remote.events.meeting.ActionItemOverdue;
import work.remote.events.meeting.MeetingSubject;
import work.remote.events.meeting.RetrospectiveCompleted;
import work.remote.meeting.config.MeetingConfig;
import work.remote.meeting.service.OverdueActionItems;
import work.remote.platform.links.Links;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.testing.TestClock;

/** After-action reviews: the write-up, action items open → done or dropped, and overdue items announced once. */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class AfterActionReviewTest {

    static final MeetingTopic topic = MeetingTopic.shared();

    @Inject
    TestClock clock;

    @Inject
    OverdueActionItems overdueActionItems;

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    Links links;

    @Inject
    MeetingConfig config;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    static String retrospective(UUID launch) {
        return plan(meeting("RETROSPECTIVE", "LAUNCH", launch, 60, people("CS", 3, "cs-lead")));
    }

    static Map<String, Object> review(List<Map<String, Object>> actionItems) {
        return Map.of(
                "expected", "Launch with no critical issue",
                "happened", "Two withdrawals blocked for an hour",
                "whyDifferent", "The fee rule changed after training",
                "toKeep", List.of("One channel for urgent questions"),
                "toChange", List.of("Freeze rules a day before launch"),
                "actionItems", actionItems);
    }

    static Map<String, Object> actionItem(String description, String owner, LocalDate due) {
        return Map.of("description", description, "owner", owner, "due", due.toString());
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void anAfterActionReviewRecordsExpectedActualWhyKeepChangeAndActionItems() {
        UUID launch = Subjects.launch();
        String id = retrospective(launch);
        MeetingApi.get("cs-agent", "/meetings/" + id + "/review").statusCode(200).body("state", equalTo("PENDING"));

        post("cs-1", "cs-agent", "/meetings/" + id + "/review", review(List.of())).statusCode(403);
        post(HOST, "product", "/meetings/" + id + "/review", review(List.of(
                actionItem("Freeze rules 24 h before launch", "pia-product", today().plusDays(7)),
                actionItem("Add fee questions to the FAQ", "cs-lead", today().plusDays(3)))))
                .statusCode(200)
                .body("state", equalTo("COMPLETED"))
                .body("facilitator", equalTo(HOST))
                .body("whyDifferent", equalTo("The fee rule changed after training"))
                .body("toKeep", contains("One channel for urgent questions"))
                .body("actionItems.owner", contains("cs-lead", "pia-product"))
                .body("actionItems.state", contains("OPEN", "OPEN"));
        post(HOST, "product", "/meetings/" + id + "/review", review(List.of())).statusCode(409);

        await().atMost(Duration.ofSeconds(20)).until(() -> topic.events(id, RetrospectiveCompleted.class).size() == 1);
        RetrospectiveCompleted completed = topic.events(id, RetrospectiveCompleted.class).get(0);
        assertThat(completed.subject().kind()).isEqualTo(MeetingSubject.Kind.LAUNCH);
        assertThat(completed.subject().id()).isEqualTo(launch);
        assertThat(completed.toChange()).containsExactly("Freeze rules a day before launch");
        assertThat(completed.actionItems()).extracting(ActionItem::owner)
                .containsExactlyInAnyOrder("pia-product", "cs-lead");
    }

    @Test
    void aReviewNamesEachMissingField() {
        String id = retrospective(Subjects.launch());
        post(HOST, "product", "/meetings/" + id + "/review", Map.of("expected", "x", "toKeep", List.of(),
                "toChange", List.of(), "actionItems", List.of(Map.of("description", "d", "owner", "o"))))
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("happened", "whyDifferent", "actionItems[0].due"));
    }

    @Test
    void onlyRetrospectivesHaveAReview() {
        String discussion = plan(MeetingApi.discussion(Subjects.process(), 30, people("CS", 2, "lead")));
        MeetingApi.get("ops", "/meetings/" + discussion + "/review").statusCode(404);
    }

    @Test
    void anActionItemMovesFromOpenToDoneOrToDroppedWithAReason() {
        String id = retrospective(Subjects.launch());
        List<String> items = post(HOST, "product", "/meetings/" + id + "/review", review(List.of(
                actionItem("Write the rollback runbook", "omar-ops", today().plusDays(5)),
                actionItem("Rename the launch channel", "omar-ops", today().plusDays(6)))))
                .statusCode(200).extract().path("actionItems.id");

        post("somebody-else", "cs-agent", "/action-items/" + items.get(0) + "/transitions", Map.of("to", "DONE"))
                .statusCode(403);
        post("omar-ops", "ops", "/action-items/" + items.get(0) + "/transitions", Map.of("to", "DONE"))
                .statusCode(200).body("state", equalTo("DONE")).body("closedBy", equalTo("omar-ops"));
        post("omar-ops", "ops", "/action-items/" + items.get(0) + "/transitions", Map.of("to", "DROPPED", "reason", "x"))
                .statusCode(409);
        post(HOST, "product", "/action-items/" + items.get(1) + "/transitions", Map.of("to", "DROPPED"))
                .statusCode(400).body("violations.field", contains("reason"));
        post(HOST, "product", "/action-items/" + items.get(1) + "/transitions",
                Map.of("to", "DROPPED", "reason", "The channel is fine"))
                .statusCode(200).body("state", equalTo("DROPPED")).body("dropReason", equalTo("The channel is fine"));
        MeetingApi.get("cs-agent", "/action-items?owner=omar-ops&meetingId=" + id).statusCode(200)
                .body("items", hasSize(2))
                .body("items.state", contains("DONE", "DROPPED"));
    }

    @Test
    void actionItemOverdueIsRaisedOnceEvenWithTwoReplicas() throws Exception {
        String id = retrospective(Subjects.launch());
        String late = post(HOST, "product", "/meetings/" + id + "/review", review(List.of(
                actionItem("Automate the launch checklist", "rita-rd", today().plusDays(1)),
                actionItem("Done in time", "rita-rd", today().plusDays(1)))))
                .statusCode(200).extract().path("actionItems[0].id");
        String doneInTime = MeetingApi.get("ops", "/meetings/" + id + "/review").extract().path("actionItems[1].id");
        post("rita-rd", "cs-agent", "/action-items/" + doneInTime + "/transitions", Map.of("to", "DONE")).statusCode(200);

        overdueActionItems.announceOverdue();
        clock.advance(Duration.ofDays(1));
        overdueActionItems.announceOverdue();
        MeetingApi.get("ops", "/action-items?meetingId=" + id + "&state=OPEN").statusCode(200)
                .body("items[0].overdueAnnouncedAt", nullValue());

        clock.advance(Duration.ofDays(1));
        OverdueActionItems secondReplica = new OverdueActionItems(entityManager, outbox, links, clock, config);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> racing = List.of(
                    () -> QuarkusTransaction.requiringNew().call(overdueActionItems::announceOverdue),
                    () -> QuarkusTransaction.requiringNew().call(secondReplica::announceOverdue));
            for (var announced : replicas.invokeAll(racing)) {
                announced.get();
            }
        } finally {
            replicas.shutdown();
        }
        overdueActionItems.announceOverdue();

        await().atMost(Duration.ofSeconds(20)).until(() -> topic.events(id, ActionItemOverdue.class).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> topic.events(id, ActionItemOverdue.class).size() == 1);
        ActionItemOverdue overdue = topic.events(id, ActionItemOverdue.class).get(0);
        assertThat(overdue.actionItemId()).hasToString(late);
        assertThat(overdue.owner()).isEqualTo("rita-rd");
        assertThat(overdue.link()).endsWith("/meetings/" + id + "/review");
        MeetingApi.get("ops", "/action-items?meetingId=" + id + "&state=OPEN").statusCode(200)
                .body("items[0].overdueAnnouncedAt", notNullValue());
    }
}
