package work.remote.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import work.remote.devinfra.RecordingConsumer;
import work.remote.events.ticket.TicketCommented;
import work.remote.events.ticket.TicketStatus;
import work.remote.events.ticket.TicketStatusChanged;

/** Taking a ticket on, and the events every workflow move and comment put on the real broker. */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
class AcknowledgementTest {

    static RecordingConsumer topic;

    @BeforeAll
    static void listen() {
        topic = RecordingConsumer.of(TicketTestResource.kafka().bootstrapServers(), TicketEventsTest.TOPIC);
    }

    @AfterAll
    static void stopListening() {
        topic.close();
    }

    static ValidatableResponse acknowledge(String id, String person, String role) {
        return given().auth().oauth2(TicketTestResource.tokens().token(person, person + " Name", Set.of(role)))
                .when().post("/tickets/" + id + "/acknowledgement").then();
    }

    @Test
    void acknowledgingAnOpenTicketMovesItToInProgressInOneMoveWithTheCallerAsAssignee() {
        String id = TicketWorkflowTest.openTicket("WITHDRAWAL_BLOCKED");

        acknowledge(id, "pat-product", "product").statusCode(200)
                .header("ETag", notNullValue())
                .body("state", equalTo("IN_PROGRESS"))
                .body("assignee", equalTo("pat-product"))
                .body("assigneeName", equalTo("pat-product Name"))
                .body("acknowledgedBy", equalTo("pat-product"))
                .body("acknowledgedAt", notNullValue());

        given().auth().oauth2(TicketResourceTest.token("ops")).when().get("/tickets/" + id + "/timeline").then()
                .statusCode(200)
                .body("items.action", containsInAnyOrder("REPORTED", "ACKNOWLEDGED", "IN_PROGRESS"))
                .body("items.findAll { it.action != 'REPORTED' }.actor", everyItem(equalTo("pat-product")));

        await().atMost(Duration.ofSeconds(20)).until(() -> statusChanges(id).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> statusChanges(id).size() == 1);
        List<TicketStatusChanged> moves = statusChanges(id);
        assertThat(moves).extracting(TicketStatusChanged::from, TicketStatusChanged::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TicketStatus.OPEN, TicketStatus.IN_PROGRESS));
        assertThat(moves).extracting(TicketStatusChanged::acknowledged).containsExactly(true);
        assertThat(moves).allSatisfy(move -> {
            assertThat(move.assignee()).isEqualTo("pat-product");
            assertThat(move.changedBy()).isEqualTo("pat-product");
            assertThat(move.resolveBy()).isNotNull();
            assertThat(move.link()).endsWith("/tickets/" + id);
        });
    }

    @Test
    void aReopenedTicketIsAcknowledgedStraightToInProgress() {
        String id = TicketWorkflowTest.openTicket("DEGRADED");
        acknowledge(id, "pat-product", "product").statusCode(200);
        TicketWorkflowTest.move(id, "RESOLVED", "product").statusCode(200);
        TicketWorkflowTest.move(id, "REOPENED", "product").statusCode(200)
                .body("acknowledgedBy", equalTo(null));

        acknowledge(id, "lee-lead", "cs-lead").statusCode(200)
                .body("state", equalTo("IN_PROGRESS"))
                .body("assignee", equalTo("lee-lead"))
                .body("acknowledgedBy", equalTo("lee-lead"));

        await().atMost(Duration.ofSeconds(20)).until(() -> statusChanges(id).size() == 4);
        TicketStatusChanged last = statusChanges(id).get(3);
        assertThat(last.from()).isEqualTo(TicketStatus.REOPENED);
        assertThat(last.to()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(last.acknowledged()).isTrue();
    }

    @Test
    void theSamePersonAcknowledgingAgainChangesNothing() {
        String id = TicketWorkflowTest.openTicket("TRADING_BLOCKED");
        String revision = acknowledge(id, "pat-product", "product").statusCode(200).extract().header("ETag");

        acknowledge(id, "pat-product", "product").statusCode(200)
                .header("ETag", equalTo(revision))
                .body("state", equalTo("IN_PROGRESS"));
        given().auth().oauth2(TicketResourceTest.token("ops")).when().get("/tickets/" + id + "/timeline").then()
                .body("items.action", containsInAnyOrder("REPORTED", "ACKNOWLEDGED", "IN_PROGRESS"));
    }

    @Test
    void someoneElseAcknowledgingIsAConflictNamingWhoTookItOn() {
        String id = TicketWorkflowTest.openTicket("FUNDS_INCORRECT");
        acknowledge(id, "pat-product", "product").statusCode(200);

        acknowledge(id, "lee-lead", "cs-lead").statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("already-acknowledged"))
                .body("detail", containsString("pat-product Name (pat-product)"));
    }

    @Test
    void aResolvedTicketCannotBeAcknowledged() {
        String id = TicketWorkflowTest.openTicket("NONE");
        for (String state : new String[] { "TRIAGED", "IN_PROGRESS", "RESOLVED" }) {
            TicketWorkflowTest.move(id, state, "product").statusCode(200);
        }
        acknowledge(id, "pat-product", "product").statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("RESOLVED"));
    }

    @Test
    void onlyTheRolesThatMoveTicketsMayAcknowledge() {
        String id = TicketWorkflowTest.openTicket("NONE");
        acknowledge(id, "otto-ops", "ops").statusCode(403);
        given().when().post("/tickets/" + id + "/acknowledgement").then().statusCode(401);
        acknowledge(java.util.UUID.randomUUID().toString(), "pat-product", "product").statusCode(404);
    }

    @Test
    void everyWorkflowMoveIsAnnouncedAsTicketStatusChanged() {
        String id = TicketWorkflowTest.openTicket("DEGRADED");
        for (String state : new String[] { "TRIAGED", "IN_PROGRESS", "RESOLVED" }) {
            TicketWorkflowTest.move(id, state, "cs-lead").statusCode(200);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> statusChanges(id).size() == 3);
        List<TicketStatusChanged> moves = statusChanges(id);
        assertThat(moves).extracting(TicketStatusChanged::to)
                .containsExactly(TicketStatus.TRIAGED, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED);
        assertThat(moves).extracting(TicketStatusChanged::acknowledged).containsOnly(false);
        assertThat(moves.get(2).note()).isEqualTo("moving to RESOLVED");
        assertThat(moves.get(2).changedBy()).isEqualTo("someone-cs-lead");
        assertThat(types(id)).containsSubsequence("work.remote.ticket.TicketStatusChanged",
                "work.remote.ticket.TicketResolved");
    }

    @Test
    void everyCommentIsAnnouncedAsTicketCommented() {
        String id = TicketWorkflowTest.openTicket("COSMETIC");
        String commentId = given().auth().oauth2(TicketResourceTest.token("cs-agent")).contentType(ContentType.JSON)
                .body("{\"body\": \"User 7 sees it too\"}").when().post("/tickets/" + id + "/comments").then()
                .statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(20)).until(() -> types(id).contains("work.remote.ticket.TicketCommented"));
        TicketCommented commented = topic.withKey(id).stream()
                .filter(record -> TicketEventsTest.header(record, "ce_type").endsWith(".TicketCommented"))
                .map(record -> TicketEventsTest.read(record, TicketCommented.class)).findFirst().orElseThrow();
        assertThat(commented.commentId()).hasToString(commentId);
        assertThat(commented.author()).isEqualTo("someone-cs-agent");
        assertThat(commented.body()).isEqualTo("User 7 sees it too");
        assertThat(commented.title()).isEqualTo("Workflow of a COSMETIC ticket");
    }

    private static List<String> types(String ticketId) {
        return topic.withKey(ticketId).stream().map(record -> TicketEventsTest.header(record, "ce_type")).toList();
    }

    private static List<TicketStatusChanged> statusChanges(String ticketId) {
        return topic.withKey(ticketId).stream()
                .filter(record -> TicketEventsTest.header(record, "ce_type").endsWith(".TicketStatusChanged"))
                .map((ConsumerRecord<String, String> record) -> TicketEventsTest.read(record,
                        TicketStatusChanged.class))
                .toList();
    }
}
