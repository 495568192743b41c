package work.remote.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static work.remote.process.Api.as;
import static work.remote.process.Api.participant;

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

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.platform.paging.PageBounds;
import work.remote.platform.testing.OutboxedEvents;
import work.remote.process.rest.DraftRequest;

/**
 * Every request bound holds with a 400 naming the field, and the largest valid request of each event-producing
 * endpoint makes events that fit a Kafka record. Text is written in a three-byte UTF-8 character, the most a
 * character of a valid string takes in JSON.
 */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class RequestBoundsTest {

    /** Where the events must stay, below Kafka's 1 MiB {@code max.request.size}. */
    private static final String WIDE = "界";

    @Inject
    OutboxedEvents outbox;

    @Test
    void aPageWhoseOffsetWouldOverflowIsRefusedNamingPage() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("paged")));
        for (String list : List.of("/processes", "/processes/" + id + "/versions", "/processes/" + id + "/rollouts")) {
            as("ops").when().get(list + "?page=10737419&size=200").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("violations[0].field", equalTo("page"));
            as("ops").when().get(list + "?page=" + PageBounds.MAX_PAGE + "&size=" + PageBounds.MAX_SIZE).then()
                    .statusCode(200).body("items", empty());
        }
    }

    @Test
    void nullListElementsAreRefusedNamingEachElement() {
        Map<String, Object> draft = new HashMap<>();
        draft.put("key", Drafts.uniqueKey("nulls"));
        draft.put("title", "Nulls");
        draft.put("owner", "product-owner");
        draft.put("steps", Arrays.asList((Object) null));
        draft.put("roles", Arrays.asList(Map.of("name", "author"), null));
        draft.put("keyPoints", Arrays.asList((Object) null));
        as("product").body(draft).when().post("/processes").then().statusCode(400)
                .body("violations.field", hasItems("steps[0]", "roles[1]", "keyPoints[0]"));
    }

    @Test
    void theLargestDraftPublishedAndRolledOutMakesEventsThatFitAKafkaRecord() {
        String id = Api.created(largestDraft(Drafts.uniqueKey("largest"), 100, 100));
        Api.rehearsed(id);
        Api.publish(id, text(2_000)).statusCode(201);
        String rollout = Api.rolledOut(id, List.of(participant(text(200), "owner", text(200))));
        Map<String, Integer> sizes = outbox.assertFit(id, "work.remote.process.ProcessDrafted",
                "work.remote.process.ProcessPublished", "work.remote.process.RolloutStarted",
                "work.remote.process.ChecklistAssigned");
        assertThat(sizes.get("work.remote.process.ChecklistAssigned")).as("the worst case is built")
                .isGreaterThan(650_000);
        assertThat(rollout).isNotNull();

        as("product").body(largestDraft(Drafts.uniqueKey("one-step-more"), 101, 100)).when().post("/processes")
                .then().statusCode(400).body("violations[0].field", equalTo("steps"));
        as("product").body(largestDraft(Drafts.uniqueKey("one-key-point-more"), 100, 101)).when()
                .post("/processes").then().statusCode(400).body("violations[0].field", equalTo("keyPoints"));
    }

    @Test
    void theLargestReviewRequestAndRolloutMakeEventsThatFitAKafkaRecord() {
        String id = Api.created(Drafts.review(Drafts.uniqueKey("crowd")));
        as("product").body(Map.of("participants", people(300, "functionGroup", "supervisor"))).when()
                .post("/processes/{id}/review-requests", id).then().statusCode(202);
        Api.rehearsed(id);
        Api.publish(id, "First version").statusCode(201);
        List<Map<String, String>> participants = IntStream.range(0, 500)
                .mapToObj(i -> participant(person(i), i % 2 == 0 ? "author" : "reviewer", text(200))).toList();
        Api.rolledOut(id, participants);
        Map<String, Integer> sizes = outbox.assertFit(id, "work.remote.process.ProcessReviewRequested",
                "work.remote.process.RolloutStarted");
        assertThat(sizes.get("work.remote.process.ProcessReviewRequested")).isGreaterThan(450_000);
        assertThat(sizes.get("work.remote.process.RolloutStarted")).isGreaterThan(300_000);

        as("product").body(Map.of("participants", people(301, "functionGroup", "supervisor"))).when()
                .post("/processes/{id}/review-requests", id).then().statusCode(400)
                .body("violations[0].field", equalTo("participants"));
    }

    /**
     * One role owns every step of a chain of {@code steps}, each with the longest title and description, and
     * {@code keyPoints} key points with the longest check: the role's checklist is the largest event there is.
     */
    private static DraftRequest largestDraft(String key, int steps, int keyPoints) {
        List<Step> flow = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            boolean last = i == steps - 1;
            flow.add(new Step(stepId(i), text(200), "owner", text(1_000), last ? List.of() : List.of(stepId(i + 1)),
                    last));
        }
        List<KeyPoint> points = IntStream.range(0, keyPoints)
                .mapToObj(i -> new KeyPoint(stepId(i % steps), text(1_000))).toList();
        return new DraftRequest(key, text(200), text(200), Drafts.FULL_OUTLINE,
                List.of(new ProcessRole("owner", text(100))), flow, points);
    }


    private static List<Map<String, String>> people(int count, String groupField, String supervisorField) {
        return IntStream.range(0, count)
                .mapToObj(i -> Map.of("person", person(i), groupField, text(100), supervisorField, text(200)))
                .toList();
    }

    /** The longest step id the pattern allows, distinct per index. */
    private static String stepId(int index) {
        String number = String.format("%03d", index);
        return "s" + "x".repeat(80 - 1 - number.length()) + number;
    }

    private static String person(int index) {
        String number = String.format("%03d", index);
        return number + text(200 - number.length());
    }

    private static String text(int length) {
        return WIDE.repeat(length);
    }
}
