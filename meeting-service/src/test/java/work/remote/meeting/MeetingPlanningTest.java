package work.remote.meeting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static work.remote.meeting.MeetingApi.discussion;
import static work.remote.meeting.MeetingApi.meeting;
import static work.remote.meeting.MeetingApi.people;
import static work.remote.meeting.MeetingApi.plan;
import static work.remote.meeting.MeetingApi.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;

/** Planning within the 6-person and 45-minute rules, sessions by function, generated agendas, zones. */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class MeetingPlanningTest {

    @Test
    void discussionMeetingRefusesASeventhParticipant() {
        post("planner", "product", "/meetings", discussion(Subjects.process(), 45, people("R&D", 6, "lead")))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://remote.work/problems/meeting-limits"))
                .body("detail", containsString("at most 6 participants"))
                .body("violations.field", containsInAnyOrder("invitees"));
        post("planner", "product", "/meetings", discussion(Subjects.process(), 45, people("R&D", 5, "lead")))
                .statusCode(201)
                .body("participants", equalTo(6));
    }

    @Test
    void discussionMeetingRefusesFortySixMinutes() {
        post("planner", "product", "/meetings", discussion(Subjects.process(), 46, people("CS", 3, "lead")))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("at most 45 minutes"))
                .body("violations.field", containsInAnyOrder("durationMinutes"));
        post("planner", "product", "/meetings", discussion(Subjects.process(), 45, people("CS", 3, "lead")))
                .statusCode(201);
    }

    @Test
    void trainingAndRetrospectiveMeetingsHaveTheirOwnLimits() {
        UUID launch = Subjects.launch();
        post("planner", "cs-lead", "/meetings", meeting("TRAINING", "LAUNCH", launch, 90, people("CS", 11, "lead")))
                .statusCode(201).body("participants", equalTo(12));
        post("planner", "cs-lead", "/meetings", meeting("TRAINING", "LAUNCH", launch, 91, people("CS", 12, "lead")))
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("invitees", "durationMinutes"));
        post("planner", "product", "/meetings", meeting("RETROSPECTIVE", "LAUNCH", launch, 60, people("CS", 10, "lead")))
                .statusCode(400)
                .body("detail", containsString("a RETROSPECTIVE meeting has at most 10 participants"));
    }

    @Test
    void aTrainingPreparesALaunch() {
        post("planner", "product", "/meetings", meeting("TRAINING", "PROCESS", Subjects.process(), 60, people("CS", 3, "lead")))
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("subject.kind"));
    }

    @Test
    void fourteenInviteesInThreeGroupsBecomeSessionsOfAtMostSixWithEveryoneExactlyOnce() {
        List<Map<String, Object>> invitees = new ArrayList<>();
        invitees.addAll(people("R&D", 7, "rd-lead"));
        invitees.addAll(people("CS", 5, "cs-lead"));
        invitees.addAll(people("ops", 2, "ops-lead"));
        List<Map<String, Object>> sessions = post("planner", "product", "/meetings/sessions",
                discussion(Subjects.process(), 45, invitees))
                .statusCode(201).extract().jsonPath().getList("$");

        List<String> planned = new ArrayList<>();
        for (Map<String, Object> session : sessions) {
            assertThat((Integer) session.get("participants")).isLessThanOrEqualTo(6);
            assertThat(session.get("sessionCount")).isEqualTo(sessions.size());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sessionInvitees = (List<Map<String, Object>>) session.get("invitees");
            sessionInvitees.forEach(invitee -> planned.add((String) invitee.get("person")));
        }
        assertThat(planned).containsExactlyInAnyOrderElementsOf(
                invitees.stream().map(invitee -> (String) invitee.get("person")).toList());
        assertThat(sessions).extracting(session -> session.get("sessionNumber")).containsExactly(1, 2, 3, 4);
        Instant first = Instant.parse((String) sessions.get(0).get("startsAt"));
        Instant second = Instant.parse((String) sessions.get(1).get("startsAt"));
        assertThat(Duration.between(first, second)).as("the host runs them one after another")
                .isEqualTo(Duration.ofMinutes(45 + 15));
    }

    @Test
    void eachDiscussionSessionHoldsOneFunctionGroupAndNamesItsFocus() {
        List<Map<String, Object>> invitees = new ArrayList<>();
        invitees.addAll(people("R&D", 3, "rd-lead"));
        invitees.addAll(people("CS", 7, "cs-lead"));
        invitees.addAll(people("ops", 2, "ops-lead"));
        Map<String, Object> request = discussion(Subjects.process(), 45, invitees);
        request.put("title", "Refund escalation");

        List<Map<String, Object>> sessions = post("planner", "product", "/meetings/sessions", request)
                .statusCode(201).extract().jsonPath().getList("$");

        assertThat(sessions).extracting(session -> session.get("focus")).containsExactly("R&D", "CS", "CS", "ops");
        assertThat(sessions).extracting(session -> session.get("title")).containsExactly(
                "Refund escalation: R&D (session 1 of 4)", "Refund escalation: CS (session 2 of 4)",
                "Refund escalation: CS (session 3 of 4)", "Refund escalation: ops (session 4 of 4)");
        assertThat(sessions).extracting(session -> session.get("mixSmallGroups")).containsOnly(false);
        for (Map<String, Object> session : sessions) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sessionInvitees = (List<Map<String, Object>>) session.get("invitees");
            assertThat(sessionInvitees).extracting(invitee -> invitee.get("functionGroup"))
                    .containsOnly(session.get("focus"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> agenda = (List<Map<String, Object>>) session.get("agenda");
            assertThat(agenda.get(agenda.size() - 1).get("topic"))
                    .isEqualTo("Questions and discussion, focus: " + session.get("focus"));
        }
        assertThat(sessions).extracting(session -> ((List<?>) session.get("invitees")).size())
                .containsExactly(3, 4, 3, 2);
    }

    @Test
    void smallGroupsShareASessionOnlyWhenTheRequestMixesThem() {
        List<Map<String, Object>> invitees = new ArrayList<>();
        invitees.addAll(people("R&D", 3, "rd-lead"));
        invitees.addAll(people("CS", 7, "cs-lead"));
        invitees.addAll(people("ops", 2, "ops-lead"));
        Map<String, Object> request = discussion(Subjects.process(), 45, invitees);
        request.put("mixSmallGroups", true);

        List<Map<String, Object>> sessions = post("planner", "product", "/meetings/sessions", request)
                .statusCode(201).extract().jsonPath().getList("$");

        assertThat(sessions).hasSize(3);
        assertThat(sessions).extracting(session -> session.get("mixSmallGroups")).containsOnly(true);
        assertThat(sessions).extracting(session -> session.get("focus")).contains("R&D + ops");
    }

    @Test
    void agendaTimeboxesAddUpToTheMeeting() {
        for (int minutes : new int[] { 15, 30, 45 }) {
            Map<String, Object> agendaOwner = post("planner", "product", "/meetings",
                    discussion(Subjects.process(), minutes, people("CS", 2, "lead"))).statusCode(201)
                    .extract().jsonPath().getMap("$");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> agenda = (List<Map<String, Object>>) agendaOwner.get("agenda");
            assertThat(agenda).extracting(item -> item.get("phase"))
                    .containsExactly("PRESENTATION", "READING", "DISCUSSION");
            assertThat((Integer) agenda.get(0).get("plannedMinutes")).isBetween(5, 10);
            assertThat(agenda.get(1).get("plannedMinutes")).isEqualTo(5);
            assertThat(agenda.stream().mapToInt(item -> (Integer) item.get("plannedMinutes")).sum()).isEqualTo(minutes);
        }
    }

    @Test
    void aPresentationLongerThanTenMinutesIsRefused() {
        Map<String, Object> request = discussion(Subjects.process(), 45, people("CS", 2, "lead"));
        request.put("presentationMinutes", 11);
        post("planner", "product", "/meetings", request).statusCode(400)
                .body("violations.field", containsInAnyOrder("presentationMinutes"));
    }

    @Test
    void theStartIsGivenInAZoneStoredAsAnInstantAndShownBackInThatZone() {
        String id = plan(discussion(Subjects.process(), 30, people("CS", 2, "lead")));
        MeetingApi.get("ops", "/meetings/" + id).statusCode(200)
                .body("startsAt", equalTo("2026-12-01T08:00:00Z"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("localStart", equalTo("2026-12-01T09:00+01:00[Europe/Berlin]"));
    }

    @Test
    void anUnknownZoneOrATimeTheClocksSkipIsRefusedNamingTheField() {
        Map<String, Object> unknownZone = discussion(Subjects.process(), 30, people("CS", 2, "lead"));
        unknownZone.put("startsAt", Map.of("at", "2026-12-01T09:00", "zone", "Mars/Olympus"));
        post("planner", "product", "/meetings", unknownZone).statusCode(400)
                .body("violations.field", containsInAnyOrder("startsAt.zone"));
        Map<String, Object> skipped = discussion(Subjects.process(), 30, people("CS", 2, "lead"));
        skipped.put("startsAt", Map.of("at", "2027-03-28T02:30", "zone", "Europe/Berlin"));
        post("planner", "product", "/meetings", skipped).statusCode(400)
                .body("violations.field", containsInAnyOrder("startsAt.at"));
    }

    @Test
    void invalidInputGetsAProblemDocumentNamingEachField() {
        Map<String, Object> request = discussion(Subjects.process(), 30, people("CS", 2, "lead"));
        request.remove("kind");
        request.put("invitees", List.of(Map.of("person", " ", "functionGroup", "CS")));
        request.put("joinLink", "not a link");
        post("planner", "product", "/meetings", request).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("kind", "invitees[0].person", "joinLink"));
        post("planner", "product", "/meetings", "{\"kind\": \"PARTY\"}").statusCode(400)
                .body("violations.field", hasItem("kind"));
    }

    @Test
    void aMeetingOnAnUnknownSubjectIsRefused() {
        UUID unknown = UUID.randomUUID();
        for (String path : List.of("/meetings", "/meetings/sessions")) {
            post("planner", "product", path, discussion(unknown, 30, people("CS", 2, "lead"))).statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", contains("subject.id"))
                    .body("violations[0].message", containsString(unknown.toString()));
        }
        UUID process = Subjects.process();
        post("planner", "product", "/meetings", meeting("RETROSPECTIVE", "LAUNCH", process, 60, people("CS", 2, "lead")))
                .statusCode(400)
                .body("violations.field", contains("subject.id"));
        MeetingApi.get("ops", "/meetings?subjectId=" + unknown).statusCode(200).body("total", equalTo(0));

        String review = Subjects.publish(EventConsumerTest.reviewRequest(unknown,
                EventConsumerTest.participants("cs", 2, "cs-lead")));
        DeadLetterTest.awaitDeadLetter(review);
        assertThat(EventConsumerTest.meetingsAbout(unknown)).isEmpty();
    }

    @Test
    void somebodyInvitedTwiceIsRefused() {
        List<Map<String, Object>> invitees = new ArrayList<>(people("CS", 2, "lead"));
        invitees.add(people("CS", 1, "lead").get(0));
        post("planner", "product", "/meetings", discussion(Subjects.process(), 30, invitees)).statusCode(400)
                .body("violations.field", containsInAnyOrder("invitees[2].person"));
    }

    @ParameterizedTest(name = "{0} plans: {1}, reads: {2}")
    @CsvSource({ "product, 201, 200", "cs-lead, 201, 200", "cs-agent, 403, 200", "ops, 403, 200", "admin, 201, 200" })
    void eachRoleMayPlanAndReadAsTheRoleTableSays(String role, int planStatus, int readStatus) {
        post("someone-" + role, role, "/meetings", discussion(Subjects.process(), 30, people("CS", 2, "lead")))
                .statusCode(planStatus);
        String existing = plan(discussion(Subjects.process(), 30, people("CS", 2, "lead")));
        MeetingApi.get(role, "/meetings/" + existing).statusCode(readStatus);
        for (String list : new String[] { "/meetings", "/parking-lot", "/relays", "/action-items" }) {
            MeetingApi.get(role, list + "?size=1").statusCode(readStatus);
        }
    }

    @Test
    void meetingsAreListedBySubjectAndPaged() {
        UUID process = Subjects.process();
        plan(discussion(process, 30, people("CS", 2, "lead")));
        plan(discussion(process, 30, people("ops", 2, "lead")));
        MeetingApi.get("ops", "/meetings?subjectId=" + process + "&size=1").statusCode(200)
                .body("items.size()", equalTo(1))
                .body("total", equalTo(2))
                .body("size", equalTo(1));
        MeetingApi.get("ops", "/meetings?size=500").statusCode(400)
                .body("violations[0].field", equalTo("size"));
    }

    @Test
    void aTokenWithoutAnyProductRoleIsForbidden() {
        given().auth().oauth2(RemoteWorkTestResource.tokens().token("visitor"))
                .when().get("/meetings").then().statusCode(403);
    }

    @Test
    void planningWithoutATokenIsUnauthorized() {
        given().contentType("application/json")
                .body(MeetingApi.json(discussion(Subjects.process(), 30, people("CS", 2, "lead"))))
                .when().post("/meetings").then().statusCode(401);
    }
}
