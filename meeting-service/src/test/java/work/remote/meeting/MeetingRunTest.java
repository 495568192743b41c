package work.remote.meeting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static work.remote.meeting.MeetingApi.HOST;
import static work.remote.meeting.MeetingApi.discussion;
import static work.remote.meeting.MeetingApi.host;
import static work.remote.meeting.MeetingApi.meeting;
import static work.remote.meeting.MeetingApi.people;
import static work.remote.meeting.MeetingApi.plan;
import static work.remote.meeting.MeetingApi.post;
import static work.remote.meeting.MeetingApi.put;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.meeting.Invitee;
import work.remote.events.meeting.MeetingConcluded;
import work.remote.events.meeting.MeetingKind;
import work.remote.events.meeting.MeetingScheduled;
import work.remote.events.meeting.MeetingSubject;
import work.remote.events.meeting.ParkingLotItemRecorded;
import work.remote.events.meeting.RelayAcknowledged;
import work.remote.events.meeting.RelayRequested;
import work.remote.meeting.service.MeetingService;
import work.remote.platform.caller.Caller;
import work.remote.platform.problem.ProblemMapper;
import work.remote.platform.testing.TestClock;

/** Running a meeting: agenda with actual times, parking lot, attendance, conclusion and relays. */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class MeetingRunTest {

    static final MeetingTopic topic = MeetingTopic.shared();

    @Inject
    TestClock clock;

    @Inject
    MeetingService meetings;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    static void start(String meetingId) {
        host(meetingId, "/start", Map.of()).statusCode(200).body("state", equalTo("RUNNING"));
    }

    @Test
    void eachAgendaItemRecordsItsActualTimeAndAnOverrunIsVisible() {
        String id = plan(discussion(Subjects.process(), 45, people("CS", 3, "lead")));
        clock.freeze();
        start(id);
        clock.advance(Duration.ofMinutes(12));
        MeetingApi.get("cs-agent", "/meetings/" + id).statusCode(200)
                .body("agenda[0].running", equalTo(true))
                .body("agenda[0].overrun", equalTo(true));

        host(id, "/agenda/advance", Map.of()).statusCode(200)
                .body("agenda[0].running", equalTo(false))
                .body("agenda[0].plannedMinutes", equalTo(10))
                .body("agenda[0].actualSeconds", equalTo(720))
                .body("agenda[0].overrunSeconds", equalTo(120))
                .body("agenda[0].overrun", equalTo(true))
                .body("agenda[1].running", equalTo(true))
                .body("agenda[1].overrun", equalTo(false));
        clock.advance(Duration.ofMinutes(4));
        host(id, "/agenda/advance", Map.of()).statusCode(200)
                .body("agenda[1].actualSeconds", equalTo(240))
                .body("agenda[1].overrun", equalTo(false))
                .body("agenda[2].phase", equalTo("DISCUSSION"))
                .body("agenda[2].running", equalTo(true));
        host(id, "/agenda/advance", Map.of()).statusCode(200);
        host(id, "/agenda/advance", Map.of()).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://remote.work/problems/agenda-finished"));
    }

    @Test
    void onlyTheHostRunsTheMeeting() {
        String id = plan(discussion(Subjects.process(), 30, people("CS", 2, "lead")));
        post("cs-1", "cs-agent", "/meetings/" + id + "/start", Map.of()).statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString(HOST));
        post("any-admin", "admin", "/meetings/" + id + "/start", Map.of()).statusCode(200);
        post("planner", "product", "/meetings/" + id + "/parking-lot", Map.of("proposedBy", "cs-1", "proposal", "x"))
                .statusCode(403);
        put("cs-2", "cs-lead", "/meetings/" + id + "/attendance", Map.of("present", List.of("cs-1"))).statusCode(403);
    }

    @Test
    void parkingLotItemsCarryOverToTheNextMeetingOnTheSameSubjectUntilDiscussedOrDropped() {
        UUID process = Subjects.process();
        String first = plan(discussion(process, 45, people("R&D", 3, "lead")));
        start(first);
        String parked = host(first, "/parking-lot", Map.of("proposedBy", "rd-2", "proposal", "Automate the rollback"))
                .statusCode(201)
                .body("state", equalTo("OPEN"))
                .extract().path("id");
        host(first, "/parking-lot", Map.of("proposedBy", "rd-3", "proposal", "Rename the process")).statusCode(201);
        String otherSubject = plan(discussion(Subjects.process(), 45, people("R&D", 3, "lead")));

        String second = plan(discussion(process, 45, people("CS", 3, "lead")));
        MeetingApi.get("ops", "/meetings/" + second).statusCode(200)
                .body("agenda.phase", contains("PRESENTATION", "READING", "PARKING_LOT", "PARKING_LOT", "DISCUSSION"))
                .body("agenda[2].topic", containsString("Automate the rollback"))
                .body("agenda[2].parkingLotItemId", equalTo(parked));
        MeetingApi.get("ops", "/meetings/" + otherSubject).statusCode(200)
                .body("agenda.phase", contains("PRESENTATION", "READING", "DISCUSSION"));

        start(second);
        post(HOST, "cs-lead", "/parking-lot/" + parked + "/resolution", Map.of("outcome", "DISCUSSED", "note", "Yes"))
                .statusCode(200).body("state", equalTo("DISCUSSED"));
        post(HOST, "cs-lead", "/parking-lot/" + parked + "/resolution", Map.of("outcome", "DROPPED")).statusCode(409);
        post("stranger", "cs-lead", "/parking-lot/" + parked + "/resolution", Map.of("outcome", "DROPPED"))
                .statusCode(403);

        String third = plan(discussion(process, 45, people("ops", 2, "lead")));
        host(third, "/start", Map.of()).statusCode(200)
                .body("agenda.phase", contains("PRESENTATION", "READING", "PARKING_LOT", "DISCUSSION"))
                .body("agenda[2].topic", containsString("Rename the process"));
        MeetingApi.get("cs-agent", "/parking-lot?subjectId=" + process + "&state=OPEN").statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].proposal", equalTo("Rename the process"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> topic.events(first, ParkingLotItemRecorded.class).size() == 2);
        ParkingLotItemRecorded recorded = topic.events(first, ParkingLotItemRecorded.class).get(0);
        assertThat(recorded.subject().id()).isEqualTo(process);
        assertThat(recorded.proposedBy()).isEqualTo("rd-2");
        assertThat(recorded.recordedBy()).isEqualTo(HOST);
    }

    @Test
    void onlyTheHostWhoParkedAnItemMayDropIt() {
        UUID process = Subjects.process();
        String parkedIn = plan(discussion(process, 45, people("CS", 3, "lead")));
        Map<String, Object> otherSession = discussion(process, 45, people("ops", 2, "lead"));
        otherSession.put("host", "omar-other-host");
        String other = plan(otherSession);
        MeetingApi.get("ops", "/meetings/" + other).statusCode(200).body("host", equalTo("omar-other-host"));
        start(parkedIn);
        List<String> items = Stream.of("Automate refunds", "Rename the channel", "Move the stand-up")
                .map(proposal -> host(parkedIn, "/parking-lot", Map.of("proposedBy", "cs-1", "proposal", proposal))
                        .statusCode(201).extract().<String>path("id"))
                .toList();

        post("omar-other-host", "product", "/parking-lot/" + items.get(0) + "/resolution", Map.of("outcome", "DROPPED"))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("omar-other-host"));
        post("someone-else", "cs-lead", "/parking-lot/" + items.get(0) + "/resolution", Map.of("outcome", "DROPPED"))
                .statusCode(403);

        post(HOST, "cs-agent", "/parking-lot/" + items.get(0) + "/resolution", Map.of("outcome", "DROPPED"))
                .statusCode(200).body("state", equalTo("DROPPED")).body("resolvedBy", equalTo(HOST));
        post(Subjects.PROCESS_OWNER, "product", "/parking-lot/" + items.get(1) + "/resolution",
                Map.of("outcome", "DROPPED", "note", "Not ours")).statusCode(200)
                .body("state", equalTo("DROPPED")).body("resolvedBy", equalTo(Subjects.PROCESS_OWNER));
        post("an-admin", "admin", "/parking-lot/" + items.get(2) + "/resolution", Map.of("outcome", "DISCUSSED"))
                .statusCode(200).body("state", equalTo("DISCUSSED")).body("resolvedBy", equalTo("an-admin"));
        MeetingApi.get("cs-agent", "/parking-lot?subjectId=" + process + "&state=OPEN").statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void aProposalIsParkedOnlyWhileTheMeetingRuns() {
        String id = plan(discussion(Subjects.process(), 30, people("CS", 2, "lead")));
        host(id, "/parking-lot", Map.of("proposedBy", "cs-1", "proposal", "Too early")).statusCode(409);
    }

    @Test
    void concludingAnnouncesAttendeesAndAbsenteesExactly() {
        UUID launch = Subjects.launch();
        List<Map<String, Object>> invitees = new ArrayList<>(people("CS", 4, "cs-lead-anna"));
        invitees.add(Map.of("person", "cs-lead-anna", "functionGroup", "CS"));
        String id = plan(meeting("TRAINING", "LAUNCH", launch, 60, invitees));
        start(id);
        host(id, "/conclusion", Map.of("decisions", List.of(), "feedback", List.of())).statusCode(409)
                .body("type", equalTo("https://remote.work/problems/attendance-missing"));
        put(HOST, "cs-lead", "/meetings/" + id + "/attendance", Map.of("present", List.of("cs-lead-anna", "cs-1", "cs-3")))
                .statusCode(200)
                .body("invitees.present", contains(true, false, true, false, true));
        put(HOST, "cs-lead", "/meetings/" + id + "/attendance", Map.of("present", List.of("nobody")))
                .statusCode(400)
                .body("violations.field", contains("present[0]"));
        host(id, "/conclusion", Map.of(
                "decisions", List.of("Agents answer fee questions from the FAQ"),
                "feedback", List.of(Map.of("author", "cs-1", "kind", "QUESTION", "concerns", "field:when",
                        "text", "Which timezone is the launch in?"))))
                .statusCode(200)
                .body("state", equalTo("CONCLUDED"))
                .body("decisions", contains("Agents answer fee questions from the FAQ"));

        await().atMost(Duration.ofSeconds(20)).until(() -> topic.events(id, MeetingConcluded.class).size() == 1);
        MeetingConcluded concluded = topic.events(id, MeetingConcluded.class).get(0);
        assertThat(concluded.kind()).isEqualTo(MeetingKind.TRAINING);
        assertThat(concluded.subject().kind()).isEqualTo(MeetingSubject.Kind.LAUNCH);
        assertThat(concluded.subject().id()).isEqualTo(launch);
        assertThat(concluded.attendees()).extracting(Invitee::person).containsExactly("cs-1", "cs-3", "cs-lead-anna");
        assertThat(concluded.absentees()).extracting(Invitee::person).containsExactly("cs-2", "cs-4");
        assertThat(concluded.feedback()).singleElement().satisfies(item -> assertThat(item.author()).isEqualTo("cs-1"));
        assertThat(concluded.link()).endsWith("/meetings/" + id);
        assertThat(topic.types(id)).containsExactly("work.remote.meeting.MeetingScheduled",
                "work.remote.meeting.MeetingConcluded", "work.remote.meeting.RelayRequested",
                "work.remote.meeting.RelayRequested");
        assertThat(topic.events(id, MeetingScheduled.class).get(0).invitees()).hasSize(5);
        host(id, "/conclusion", Map.of("decisions", List.of(), "feedback", List.of())).statusCode(409);
    }

    @Test
    void feedbackFromSomeoneNotInTheMeetingIsRefused() {
        String id = plan(discussion(Subjects.process(), 30, people("CS", 2, "lead")));
        start(id);
        put(HOST, "cs-lead", "/meetings/" + id + "/attendance", Map.of("present", List.of("cs-1"))).statusCode(200);
        host(id, "/conclusion", Map.of("decisions", List.of(), "feedback", List.of(
                Map.of("author", "outsider", "kind", "PROBLEM", "text", "?")))).statusCode(400)
                .body("violations.field", contains("feedback[0].author"));
    }

    @Test
    void aRelayIsCreatedPerAbsenteeAndAcknowledgedOnlyByThatSupervisor() {
        List<Map<String, Object>> invitees = new ArrayList<>();
        invitees.addAll(people("R&D", 2, "rd-boss"));
        invitees.addAll(people("CS", 1, "cs-boss"));
        invitees.add(Map.of("person", "freelancer", "functionGroup", "ops"));
        String id = plan(discussion(Subjects.process(), 45, invitees));
        start(id);
        put(HOST, "cs-lead", "/meetings/" + id + "/attendance", Map.of("present", List.of("rd-1"))).statusCode(200);
        host(id, "/conclusion", Map.of("decisions", List.of(), "feedback", List.of())).statusCode(200);

        List<Map<String, Object>> relays = MeetingApi.get("ops", "/relays?meetingId=" + id).statusCode(200)
                .body("total", equalTo(3))
                .extract().jsonPath().getList("items");
        assertThat(relays).extracting(relay -> relay.get("absentee") + "→" + relay.get("supervisor"))
                .containsExactlyInAnyOrder("rd-2→rd-boss", "cs-1→cs-boss", "freelancer→" + HOST);
        String rdRelay = relays.stream().filter(relay -> relay.get("absentee").equals("rd-2")).findFirst()
                .map(relay -> (String) relay.get("id")).orElseThrow();
        MeetingApi.get("ops", "/relays?supervisor=rd-boss&open=true&size=200").statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(rdRelay));

        post("cs-boss", "cs-lead", "/relays/" + rdRelay + "/acknowledgement", Map.of()).statusCode(403)
                .contentType("application/problem+json");
        post("an-admin", "admin", "/relays/" + rdRelay + "/acknowledgement", Map.of()).statusCode(403);
        post("rd-boss", "ops", "/relays/" + rdRelay + "/acknowledgement", Map.of("note", "Told rd-2 on a call"))
                .statusCode(200)
                .body("open", equalTo(false))
                .body("note", equalTo("Told rd-2 on a call"));
        post("rd-boss", "ops", "/relays/" + rdRelay + "/acknowledgement", Map.of()).statusCode(409);
        MeetingApi.get("ops", "/relays?meetingId=" + id + "&open=true").statusCode(200).body("total", equalTo(2));

        await().atMost(Duration.ofSeconds(20)).until(() -> topic.events(id, RelayAcknowledged.class).size() == 1);
        RelayAcknowledged acknowledged = topic.events(id, RelayAcknowledged.class).get(0);
        assertThat(acknowledged.relayId()).hasToString(rdRelay);
        assertThat(acknowledged.supervisor()).isEqualTo("rd-boss");
        assertThat(acknowledged.absentee()).isEqualTo("rd-2");
        assertThat(acknowledged.meetingKind()).isEqualTo(MeetingKind.DISCUSSION);
        assertThat(topic.events(id, RelayRequested.class)).extracting(RelayRequested::absentee)
                .containsExactlyInAnyOrder("rd-2", "cs-1", "freelancer");
    }

    @Test
    void aChangeToAMeetingSomeoneElseChangedMeanwhileIsAConflictProblem() {
        UUID id = UUID.fromString(plan(discussion(Subjects.process(), 30, people("CS", 2, "lead"))));
        OptimisticLockException stale = assertThrows(OptimisticLockException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    Meeting readBeforeTheOtherChange = meetings.find(id);
                    QuarkusTransaction.requiringNew().run(() -> entityManager
                            .createNativeQuery("update meeting set version = version + 1 where id = ?1")
                            .setParameter(1, id).executeUpdate());
                    assertThat(readBeforeTheOtherChange.state).isEqualTo(MeetingState.SCHEDULED);
                    meetings.start(id, null, Caller.of(HOST));
                }));

        Response answer = new ProblemMapper().concurrentUpdate(stale, null);
        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getMediaType()).hasToString("application/problem+json");
        MeetingApi.get("ops", "/meetings/" + id).statusCode(200).body("state", equalTo("SCHEDULED"));
    }

    @Test
    void aChangeNamingAnOlderVersionInIfMatchIsRefusedAndEveryAnswerTagsTheCurrentVersion() {
        String id = plan(discussion(Subjects.process(), 30, people("CS", 2, "lead")));
        String planned = MeetingApi.get("ops", "/meetings/" + id).statusCode(200).extract().header("ETag");
        assertThat(planned).isEqualTo("\"" + MeetingApi.get("ops", "/meetings/" + id).extract().path("version") + "\"");

        String started = hostIfMatch(id, "/start", planned).statusCode(200).body("state", equalTo("RUNNING"))
                .extract().header("ETag");
        assertThat(started).isNotEqualTo(planned);
        hostIfMatch(id, "/agenda/advance", planned).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://remote.work/problems/stale-revision"))
                .body("detail", containsString("now at"));
        hostIfMatch(id, "/agenda/advance", "not-a-version").statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("If-Match"));
        MeetingApi.get("ops", "/meetings/" + id).statusCode(200).header("ETag", equalTo(started))
                .body("agenda[0].running", equalTo(true));
        hostIfMatch(id, "/agenda/advance", "W/" + started).statusCode(200).body("agenda[1].running", equalTo(true));
    }

    private static ValidatableResponse hostIfMatch(String meetingId, String action, String ifMatch) {
        return given().auth().oauth2(MeetingApi.token(HOST, "cs-agent")).contentType(ContentType.JSON)
                .header("If-Match", ifMatch).body("{}").when().post("/meetings/" + meetingId + action).then();
    }

    @Test
    void concurrentChangesToOneMeetingAreConflictsNeverServerErrors() throws Exception {
        String id = plan(discussion(Subjects.process(), 45, people("CS", 3, "lead")));
        start(id);
        ExecutorService hosts = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> advances = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                advances.add(() -> host(id, "/agenda/advance", Map.of()).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : hosts.invokeAll(advances)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(200, 409).contains(200);
        } finally {
            hosts.shutdown();
        }
    }
}
