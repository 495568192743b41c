package work.remote.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static work.remote.ticket.Launches.PRODUCT;
import static work.remote.ticket.Launches.as;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.platform.paging.PageBounds;
import work.remote.platform.problem.Problem;
import work.remote.platform.testing.TestClock;
import work.remote.ticket.FeedbackSummary;

/**
 * Every list of the service answers one page, {@code {items, page, size, total}}, in a stable documented order, and
 * a document that embeds a list names only a bounded part of it.
 */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
class ListPagingTest {

    private static final String OPS = "someone-ops";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aLongTimelinePagesOldestFirst() {
        clock.freeze();
        String ticket = TicketWorkflowTest.openTicket("DEGRADED");
        for (int n = 1; n <= 119; n++) {
            clock.advance(Duration.ofSeconds(1));
            comment(ticket, "comment " + n);
        }
        String timeline = "/tickets/" + ticket + "/timeline";

        page(timeline, 0, 50).body("page", equalTo(0)).body("size", equalTo(50)).body("total", equalTo(120))
                .body("items", hasSize(50))
                .body("items[0].action", equalTo("REPORTED"))
                .body("items[1].detail", equalTo("comment 1"))
                .body("items[49].detail", equalTo("comment 49"));
        page(timeline, 1, 50).body("page", equalTo(1)).body("total", equalTo(120)).body("items", hasSize(50))
                .body("items[0].detail", equalTo("comment 50"));
        page(timeline, 2, 50).body("total", equalTo(120)).body("items", hasSize(20))
                .body("items[19].detail", equalTo("comment 119"));
        page(timeline, 3, 50).body("total", equalTo(120)).body("items", empty());
        as(OPS, "ops").get(timeline).then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items", hasSize(50));

        List<String> expected = Stream.concat(Stream.of("REPORTED"),
                IntStream.rangeClosed(1, 119).mapToObj(n -> "COMMENTED comment " + n)).toList();
        assertThat(allPages(timeline, 7)).extracting(entry -> entry.get("action").equals("REPORTED") ? "REPORTED"
                : entry.get("action") + " " + entry.get("detail")).containsExactlyElementsOf(expected);
    }

    @Test
    void commentsPageOldestFirst() {
        clock.freeze();
        String ticket = TicketWorkflowTest.openTicket("NONE");
        for (int n = 1; n <= 7; n++) {
            clock.advance(Duration.ofSeconds(1));
            comment(ticket, "comment " + n);
        }

        page("/tickets/" + ticket + "/comments", 2, 3).body("total", equalTo(7)).body("items", hasSize(1))
                .body("items[0].body", equalTo("comment 7"));
        assertThat(allPages("/tickets/" + ticket + "/comments", 3)).extracting(comment -> comment.get("body"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 7).mapToObj(n -> "comment " + n).toList());
    }

    @Test
    void statusPostsPageNewestFirstAndRuleChangesOldestFirst() {
        String launch = Launches.live("Paged status posts");
        clock.freeze();
        for (int n = 1; n <= 5; n++) {
            clock.advance(Duration.ofSeconds(1));
            as(PRODUCT, "product").body(Map.of("phase", "DEPLOYING", "message", "step " + n))
                    .post("/launches/" + launch + "/status-posts").then().statusCode(201);
            as(PRODUCT, "product").body(Map.of("summary", "change " + n, "documentVersion", n + 1,
                    "rulesDocumentLink", "https://docs.remote.work/rules/v" + (n + 1)))
                    .post("/launches/" + launch + "/rule-changes").then().statusCode(201);
        }

        page("/launches/" + launch + "/status-posts", 0, 2).body("total", equalTo(5))
                .body("items.message", equalTo(List.of("step 5", "step 4")));
        assertThat(allPages("/launches/" + launch + "/status-posts", 2)).extracting(post -> post.get("message"))
                .containsExactly("step 5", "step 4", "step 3", "step 2", "step 1");
        assertThat(allPages("/launches/" + launch + "/rule-changes", 2)).extracting(change -> change.get("summary"))
                .containsExactly("change 1", "change 2", "change 3", "change 4", "change 5");
    }

    @Test
    void theAuditTrailPagesOldestFirst() {
        String launch = Launches.live("Paged audit trail");
        String audit = "/launches/" + launch + "/audit";

        List<Map<String, Object>> whole = as(OPS, "ops").queryParam("size", PageBounds.MAX_SIZE).get(audit).then()
                .statusCode(200).extract().path("items");
        assertThat(whole).hasSizeGreaterThan(3);
        assertThat(whole).extracting(entry -> Instant.parse((String) entry.get("at"))).isSorted();
        assertThat(allPages(audit, 3)).isEqualTo(whole);
    }

    @Test
    void pageBoundsAreRefusedNamingTheParameter() {
        String ticket = TicketWorkflowTest.openTicket("NONE");
        String launch = Launches.plan("Page bounds");
        for (String list : List.of("/tickets/" + ticket + "/timeline", "/tickets/" + ticket + "/comments",
                "/launches/" + launch + "/status-posts", "/launches/" + launch + "/rule-changes",
                "/launches/" + launch + "/audit")) {
            refused(list, "size", PageBounds.MAX_SIZE + 1);
            refused(list, "size", 0);
            refused(list, "page", -1);
            refused(list, "page", PageBounds.MAX_PAGE + 1);
            refused(list, "page", Integer.MAX_VALUE);
            page(list, PageBounds.MAX_PAGE, PageBounds.MAX_SIZE).body("items", empty());
        }
    }

    @Test
    void theFeedbackSummaryNamesTheMostUrgentOpenCriticalIssuesAndLinksToAllOfThem() {
        String launch = Launches.live("Many critical issues");
        String parent = as(OPS, "ops").get("/launches/" + launch).then().extract().path("parentTicketId");
        int reported = FeedbackSummary.OPEN_CRITICAL_SHOWN + 3;
        clock.freeze();
        List<String> critical = new ArrayList<>();
        for (int n = 1; n <= reported; n++) {
            clock.advance(Duration.ofSeconds(1));
            critical.add(as(Launches.AGENTS.get(0), "cs-agent").body(Map.of("title", "Withdrawal stuck " + n,
                    "type", "BUG", "impact", "WITHDRAWAL_BLOCKED", "affectedUsers", 1, "parentId", parent))
                    .post("/tickets").then().statusCode(201).extract().<String> path("id"));
        }
        String resolved = critical.get(0);
        for (String state : List.of("TRIAGED", "IN_PROGRESS", "RESOLVED")) {
            as(PRODUCT, "product").body(Map.of("to", state)).post("/tickets/" + resolved + "/transitions").then()
                    .statusCode(200);
        }

        ValidatableResponse feedback = as(OPS, "ops").get("/launches/" + launch + "/feedback").then().statusCode(200)
                .body("tickets", equalTo(reported))
                .body("bySeverity.CRITICAL", equalTo(reported))
                .body("sla.critical", equalTo(reported))
                .body("sla.met", equalTo(1))
                .body("openCriticalTotal", equalTo(reported - 1))
                .body("openCritical", hasSize(FeedbackSummary.OPEN_CRITICAL_SHOWN))
                .body("openCritical.id", equalTo(critical.subList(1, FeedbackSummary.OPEN_CRITICAL_SHOWN + 1)));
        URI link = URI.create(feedback.extract().path("openCriticalLink"));

        as(OPS, "ops").get(link.getPath() + "?" + link.getQuery()).then().statusCode(200)
                .body("total", equalTo(reported - 1))
                .body("items.id", containsInAnyOrder(critical.subList(1, reported).toArray()));
    }

    @Test
    void theResolvedFilterIsTrueOrFalse() {
        as(OPS, "ops").queryParam("resolved", "maybe").get("/tickets").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("violations[0].field", equalTo("resolved"));
        String resolved = TicketWorkflowTest.openTicket("NONE");
        for (String state : List.of("TRIAGED", "IN_PROGRESS", "RESOLVED")) {
            as(PRODUCT, "product").body(Map.of("to", state)).post("/tickets/" + resolved + "/transitions").then()
                    .statusCode(200);
        }
        as(OPS, "ops").queryParam("resolved", "true").queryParam("size", PageBounds.MAX_SIZE).get("/tickets").then()
                .statusCode(200).body("items.id", hasItem(resolved))
                .body("items.state", everyItem(oneOf("RESOLVED", "CLOSED")));
        as(OPS, "ops").queryParam("resolved", "false").queryParam("size", PageBounds.MAX_SIZE).get("/tickets").then()
                .statusCode(200).body("items.id", not(hasItem(resolved)))
                .body("items.state", everyItem(not(oneOf("RESOLVED", "CLOSED"))));
    }

    private static void comment(String ticket, String body) {
        as("someone-cs-agent", "cs-agent").body(Map.of("body", body)).post("/tickets/" + ticket + "/comments").then()
                .statusCode(201);
    }

    private static ValidatableResponse page(String list, int page, int size) {
        return as(OPS, "ops").queryParam("page", page).queryParam("size", size).get(list).then().statusCode(200);
    }

    private static void refused(String list, String parameter, int value) {
        as(OPS, "ops").queryParam(parameter, value).get(list).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo(parameter));
    }

    /** Every entry of {@code list}, read page by page, checking each page's total against the first's. */
    private static List<Map<String, Object>> allPages(String list, int size) {
        List<Map<String, Object>> entries = new ArrayList<>();
        int total = page(list, 0, size).extract().path("total");
        for (int page = 0; page * size < total; page++) {
            List<Map<String, Object>> items = page(list, page, size).body("total", equalTo(total))
                    .body("items", hasSize(Math.min(size, total - page * size))).extract().path("items");
            entries.addAll(items);
        }
        page(list, (total + size - 1) / size, size).body("items", empty());
        return entries;
    }
}
