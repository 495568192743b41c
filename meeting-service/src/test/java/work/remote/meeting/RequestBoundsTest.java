package work.remote.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static work.remote.meeting.MeetingApi.HOST;
import static work.remote.meeting.MeetingApi.host;
import static work.remote.meeting.MeetingApi.post;
import static work.remote.meeting.MeetingApi.put;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.platform.paging.PageBounds;
import work.remote.platform.testing.OutboxedEvents;

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
    /** A training takes the most people: 12 with the host. */
    private static final int LARGEST_MEETING_INVITEES = 11;

    @Inject
    OutboxedEvents outbox;

    @Test
    void aPageWhoseOffsetWouldOverflowIsRefusedNamingPage() {
        for (String list : List.of("/meetings", "/parking-lot", "/relays", "/action-items")) {
            MeetingApi.get("ops", list + "?page=99999999&size=200").statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("violations[0].field", equalTo("page"));
            MeetingApi.get("ops", list + "?page=" + PageBounds.MAX_PAGE + "&size=" + PageBounds.MAX_SIZE)
                    .statusCode(200).body("items", empty());
        }
    }

    @Test
    void nullListElementsAreRefusedNamingEachElement() {
        Map<String, Object> request = largestTraining();
        request.put("invitees", Arrays.asList(invitee(0), null));
        post("planner", "product", "/meetings", request).statusCode(400)
                .body("violations.field", hasItem("invitees[1]"));

        String id = MeetingApi.plan(largestTraining());
        MeetingRunTest.start(id);
        Map<String, Object> conclusion = new HashMap<>();
        conclusion.put("decisions", Arrays.asList("Ship it", null));
        conclusion.put("feedback", Arrays.asList((Object) null));
        host(id, "/conclusion", conclusion).statusCode(400)
                .body("violations.field", hasItem("decisions[1]"))
                .body("violations.field", hasItem("feedback[0]"));
    }

    @Test
    void theLargestTrainingParkedAndConcludedMakesEventsThatFitAKafkaRecord() {
        String id = MeetingApi.plan(largestTraining());
        MeetingRunTest.start(id);
        host(id, "/parking-lot", Map.of("proposedBy", text(200), "proposal", text(2_000))).statusCode(201);
        put(HOST, "cs-lead", "/meetings/" + id + "/attendance",
                Map.of("present", List.of(person(0), person(1)))).statusCode(200);

        host(id, "/conclusion", conclusion(50, 101)).statusCode(400)
                .body("violations[0].field", equalTo("feedback"));
        host(id, "/conclusion", conclusion(51, 100)).statusCode(400)
                .body("violations[0].field", equalTo("decisions"));
        host(id, "/conclusion", conclusion(50, 100)).statusCode(200);

        Map<String, Integer> sizes = outbox.assertFit(id, "work.remote.meeting.MeetingScheduled",
                "work.remote.meeting.ParkingLotItemRecorded", "work.remote.meeting.MeetingConcluded",
                "work.remote.meeting.RelayRequested");
        assertThat(sizes.get("work.remote.meeting.MeetingConcluded")).as("the worst case is built")
                .isGreaterThan(700_000);
    }

    @Test
    void theLongestTitleSplitIntoSessionsKeepsItsSessionNumbers() {
        Map<String, Object> request = largestTraining();
        request.put("invitees", IntStream.range(0, LARGEST_MEETING_INVITEES + 1).mapToObj(RequestBoundsTest::invitee)
                .toList());
        post("planner", "product", "/meetings/sessions", request).statusCode(201)
                .body("title", contains(text(300) + ": " + text(100) + " (session 1 of 2)",
                        text(300) + ": " + text(100) + " (session 2 of 2)"));
    }

    @Test
    void theLongestTitleWithElevenMixedGroupsNamesThemAll() {
        Map<String, Object> request = largestTraining();
        List<String> groups = IntStream.range(0, LARGEST_MEETING_INVITEES)
                .mapToObj(index -> text(98) + String.format("%02d", index)).toList();
        request.put("invitees", IntStream.range(0, LARGEST_MEETING_INVITEES)
                .mapToObj(index -> Map.of("person", person(index), "functionGroup", groups.get(index))).toList());
        request.put("mixSmallGroups", true);
        post("planner", "product", "/meetings/sessions", request).statusCode(201)
                .body("title", contains(text(300) + ": " + String.join(" + ", groups)));
    }

    @Test
    void theLargestAfterActionReviewMakesAnEventThatFitsAKafkaRecord() {
        String id = MeetingApi.plan(MeetingApi.meeting("RETROSPECTIVE", "LAUNCH", Subjects.launch(), 60,
                MeetingApi.people("CS", 3, "cs-lead")));
        post(HOST, "product", "/meetings/" + id + "/review", review(51)).statusCode(400)
                .body("violations[0].field", equalTo("actionItems"));
        post(HOST, "product", "/meetings/" + id + "/review", review(50)).statusCode(200);

        Map<String, Integer> sizes = outbox.assertFit(id, "work.remote.meeting.RetrospectiveCompleted");
        assertThat(sizes.get("work.remote.meeting.RetrospectiveCompleted")).isGreaterThan(500_000);
    }

    private static Map<String, Object> largestTraining() {
        UUID launch = Subjects.launch();
        Map<String, Object> request = MeetingApi.meeting("TRAINING", "LAUNCH", launch, 90,
                IntStream.range(0, LARGEST_MEETING_INVITEES).mapToObj(RequestBoundsTest::invitee).toList());
        request.put("subject", Map.of("kind", "LAUNCH", "id", launch.toString(), "title", text(200)));
        request.put("title", text(300));
        request.put("materialLink", "https://docs.remote.work/" + text(2_000 - 25));
        request.put("joinLink", "https://meet.remote.work/" + text(2_000 - 25));
        return request;
    }

    private static Map<String, Object> invitee(int index) {
        return Map.of("person", person(index), "functionGroup", text(100), "supervisor", text(200));
    }

    private static Map<String, Object> conclusion(int decisions, int feedback) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < feedback; i++) {
            items.add(Map.of("author", person(i % LARGEST_MEETING_INVITEES), "kind", "SUGGESTION",
                    "concerns", text(200), "text", text(1_500)));
        }
        return Map.of("decisions", IntStream.range(0, decisions).mapToObj(i -> text(1_000)).toList(),
                "feedback", items);
    }

    private static Map<String, Object> review(int actionItems) {
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("expected", text(4_000));
        review.put("happened", text(4_000));
        review.put("whyDifferent", text(4_000));
        review.put("toKeep", IntStream.range(0, 50).mapToObj(i -> text(1_000)).toList());
        review.put("toChange", IntStream.range(0, 50).mapToObj(i -> text(1_000)).toList());
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        review.put("actionItems", IntStream.range(0, actionItems)
                .mapToObj(i -> Map.of("description", text(1_000), "owner", person(i), "due", due.toString()))
                .toList());
        return review;
    }


    private static String person(int index) {
        String number = String.format("%03d", index);
        return number + text(200 - number.length());
    }

    private static String text(int length) {
        return WIDE.repeat(length);
    }
}
