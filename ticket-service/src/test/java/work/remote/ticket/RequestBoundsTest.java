package work.remote.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.platform.paging.PageBounds;
import work.remote.platform.testing.OutboxedEvents;

/**
 * Every request bound holds with a 400 naming the field, and the largest valid request of each event-producing
 * endpoint makes events that fit a Kafka record. Text is written in a three-byte UTF-8 character, the most a
 * character of a valid string takes in JSON.
 */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
class RequestBoundsTest {

    /** Where the events must stay, below Kafka's 1 MiB {@code max.request.size}. */
    private static final String WIDE = "界";

    @Inject
    OutboxedEvents outbox;

    @Test
    void aPageWhoseOffsetWouldOverflowIsRefusedNamingPage() {
        for (String list : List.of("/tickets", "/launches")) {
            get(list + "?page=10737419&size=200").statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("violations[0].field", equalTo("page"));
            get(list + "?page=" + PageBounds.MAX_PAGE + "&size=" + PageBounds.MAX_SIZE).statusCode(200)
                    .body("items", empty());
        }
    }

    @Test
    void aNullListElementIsRefusedNamingTheElement() {
        Map<String, Object> ticket = largestTicket();
        ticket.put("links", Arrays.asList("https://chat.remote.work/m/1", null));
        report(ticket).statusCode(400).body("violations.field", hasItem("links[1]"));
    }

    @Test
    void controlCharactersInTextAreRefusedNamingTheField() {
        Map<String, Object> ticket = largestTicket();
        ticket.put("title", "Withdrawals\u0000 fail");
        report(ticket).statusCode(400).body("violations[0].field", equalTo("title"));
        ticket.put("title", "Withdrawals fail");
        ticket.put("links", List.of("https://chat.remote.work/m/1\u0007"));
        report(ticket).statusCode(400).body("violations[0].field", equalTo("links[0]"));
    }

    @Test
    void theLargestCriticalReportMakesEventsThatFitAKafkaRecord() {
        String id = report(largestTicket()).statusCode(201).extract().path("id");
        outbox.assertFit(id, "work.remote.ticket.TicketOpened", "work.remote.ticket.CriticalIssueReported");

        Map<String, Object> oneLinkMore = largestTicket();
        List<String> links = new ArrayList<>(strings(20, 2_000, "https://chat.remote.work/m/"));
        links.add("https://chat.remote.work/m/21");
        oneLinkMore.put("links", links);
        report(oneLinkMore).statusCode(400).body("violations[0].field", equalTo("links"));
    }

    @Test
    void theLargestLaunchPlanMakesAnEventThatFitsAKafkaRecord() {
        String id = Launches.as(Launches.PRODUCT, "product").body(largestPlan(100)).post("/launches").then()
                .statusCode(201).extract().path("id");
        outbox.assertFit(id, "work.remote.ticket.LaunchPlanned");

        Launches.as(Launches.PRODUCT, "product").body(largestPlan(101)).post("/launches").then().statusCode(400)
                .body("violations[0].field", equalTo("csAgents"));
    }

    @Test
    void theLargestStatusPostAndRuleChangeMakeEventsThatFitAKafkaRecord() {
        String unique = Long.toString(System.nanoTime());
        String id = Launches.live(unique + text(200 - unique.length()));
        Map<String, Object> post = Map.of("phase", "DEGRADED", "message", text(4_000),
                "expectedSymptoms", strings(20, 500, ""));
        Launches.as(Launches.PRODUCT, "product").body(post).post("/launches/" + id + "/status-posts").then()
                .statusCode(201);
        Map<String, Object> change = Map.of("summary", text(4_000), "documentVersion", 2,
                "rulesDocumentLink", "https://docs.remote.work/" + text(2_000 - 25));
        Launches.as(Launches.PRODUCT, "product").body(change).post("/launches/" + id + "/rule-changes").then()
                .statusCode(201);
        outbox.assertFit(id, "work.remote.ticket.LaunchStatusPosted", "work.remote.ticket.RuleChanged");

        Map<String, Object> oneSymptomMore = Map.of("phase", "DEGRADED", "message", "Deploying",
                "expectedSymptoms", strings(21, 10, ""));
        Launches.as(Launches.PRODUCT, "product").body(oneSymptomMore).post("/launches/" + id + "/status-posts")
                .then().statusCode(400).body("violations[0].field", equalTo("expectedSymptoms"));
    }

    @Test
    void theLongestResolutionNoteLandsInTheTimelineAndItsEventFits() {
        String id = report(largestTicket()).statusCode(201).extract().path("id");
        for (String state : List.of("TRIAGED", "IN_PROGRESS")) {
            Launches.as("someone-cs-lead", "cs-lead").body(Map.of("to", state))
                    .post("/tickets/" + id + "/transitions").then().statusCode(200);
        }
        Launches.as("someone-cs-lead", "cs-lead").body(Map.of("to", "RESOLVED", "note", text(2_001)))
                .post("/tickets/" + id + "/transitions").then().statusCode(400)
                .body("violations[0].field", equalTo("note"));
        Launches.as("someone-cs-lead", "cs-lead").body(Map.of("to", "RESOLVED", "note", text(2_000)))
                .post("/tickets/" + id + "/transitions").then().statusCode(200);
        get("/tickets/" + id + "/timeline").statusCode(200)
                .body("items.detail", hasItem("IN_PROGRESS → RESOLVED: " + text(2_000)));
        outbox.assertFit(id, "work.remote.ticket.TicketResolved");
    }


    private static Map<String, Object> largestTicket() {
        Map<String, Object> ticket = new HashMap<>();
        ticket.put("title", text(200));
        ticket.put("description", text(10_000));
        ticket.put("type", "BUG");
        ticket.put("impact", "WITHDRAWAL_BLOCKED");
        ticket.put("impactDetail", text(2_000));
        ticket.put("affectedUsers", 1_000_000_000);
        ticket.put("links", strings(20, 2_000, "https://chat.remote.work/m/"));
        return ticket;
    }

    private static Map<String, Object> largestPlan(int agents) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("feature", text(200));
        plan.put("plannedLaunchAt", LocalDateTime.now().plusDays(7).withNano(0).toString());
        plan.put("timeZone", "Europe/Berlin");
        plan.put("productOwner", text(200));
        plan.put("csLead", text(200));
        plan.put("csAgents", strings(agents, 200, ""));
        plan.put("csChannel", "#cs-" + "a".repeat(76));
        plan.put("rulesDocumentLink", "https://docs.remote.work/" + text(2_000 - 25));
        return plan;
    }

    /** {@code count} distinct strings of {@code length} characters, each starting with {@code prefix}. */
    private static List<String> strings(int count, int length, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> {
            String head = prefix + String.format("%03d", i);
            return head + text(length - head.length());
        }).toList();
    }

    private static String text(int length) {
        return WIDE.repeat(length);
    }

    private static ValidatableResponse report(Map<String, Object> ticket) {
        return Launches.as("someone-cs-agent", "cs-agent").body(ticket).post("/tickets").then();
    }

    private static ValidatableResponse get(String path) {
        return Launches.as("someone-ops", "ops").get(path).then();
    }
}
