package work.remote.meeting;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static work.remote.meeting.AfterActionReviewTest.actionItem;
import static work.remote.meeting.AfterActionReviewTest.retrospective;
import static work.remote.meeting.AfterActionReviewTest.review;
import static work.remote.meeting.AfterActionReviewTest.today;
import static work.remote.meeting.MeetingApi.HOST;
import static work.remote.meeting.MeetingApi.discussion;
import static work.remote.meeting.MeetingApi.host;
import static work.remote.meeting.MeetingApi.people;
import static work.remote.meeting.MeetingApi.plan;
import static work.remote.meeting.MeetingApi.post;
import static work.remote.meeting.MeetingApi.postAs;
import static work.remote.meeting.MeetingApi.put;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;

/**
 * Hosts, supervisors and action-item owners are their token's {@code sub}: a renamed person keeps what is theirs and
 * the views show their new name; someone else carrying the old name gets nothing.
 */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class StableIdentityTest {

    @Test
    void aRenamedSupervisorStillAcknowledgesTheirRelay() {
        List<Map<String, Object>> invitees = List.of(
                Map.of("person", "cs-1", "functionGroup", "CS", "supervisor", "sara-supervisor"));
        String id = plan(discussion(Subjects.process(), 30, invitees));
        MeetingRunTest.start(id);
        put(HOST, "cs-lead", "/meetings/" + id + "/attendance", Map.of("present", List.of())).statusCode(200);
        host(id, "/conclusion", Map.of("decisions", List.of(), "feedback", List.of())).statusCode(200);
        String relay = MeetingApi.get("ops", "/relays?meetingId=" + id).statusCode(200)
                .body("items[0].supervisor", equalTo("sara-supervisor"))
                .body("items[0].supervisorName", nullValue())
                .extract().path("items[0].id");

        postAs("sam-impostor", "Sara Supervisor", "cs-lead", "/relays/" + relay + "/acknowledgement", Map.of())
                .statusCode(403)
                .body("detail", containsString("Sara Supervisor (sam-impostor)"));
        postAs("sara-supervisor", "Sara Married-Name", "cs-lead", "/relays/" + relay + "/acknowledgement",
                Map.of("note", "Told cs-1")).statusCode(200)
                .body("open", equalTo(false))
                .body("supervisor", equalTo("sara-supervisor"))
                .body("supervisorName", equalTo("Sara Married-Name"));
        MeetingApi.get("ops", "/relays?supervisor=sara-supervisor&meetingId=" + id).statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void aRenamedHostStillRunsTheirMeetingAndTheViewShowsTheNewName() {
        Map<String, Object> request = discussion(Subjects.process(), 30, people("CS", 2, "lead"));
        request.remove("host");
        String id = postAs("holly-host", "Holly Host", "product", "/meetings", request).statusCode(201)
                .body("host", equalTo("holly-host"))
                .body("hostName", equalTo("Holly Host"))
                .extract().path("id");

        postAs("hugo-impostor", "Holly Host", "product", "/meetings/" + id + "/start", Map.of()).statusCode(403);
        postAs("holly-host", "Holly Renamed", "product", "/meetings/" + id + "/start", Map.of()).statusCode(200)
                .body("host", equalTo("holly-host"))
                .body("hostName", equalTo("Holly Renamed"));
        MeetingApi.get("ops", "/meetings?host=holly-host&state=RUNNING").statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].hostName", equalTo("Holly Renamed"));
    }

    @Test
    void aRenamedOwnerStillClosesTheirActionItem() {
        String id = retrospective(Subjects.launch());
        String item = post(HOST, "product", "/meetings/" + id + "/review", review(List.of(
                actionItem("Automate the launch checklist", "rita-rd", today().plusDays(7)))))
                .statusCode(200)
                .body("facilitator", equalTo(HOST))
                .body("actionItems[0].ownerName", nullValue())
                .extract().path("actionItems[0].id");

        postAs("ron-impostor", "Rita Rd", "cs-agent", "/action-items/" + item + "/transitions", Map.of("to", "DONE"))
                .statusCode(403);
        postAs("rita-rd", "Rita Renamed", "cs-agent", "/action-items/" + item + "/transitions", Map.of("to", "DONE"))
                .statusCode(200)
                .body("owner", equalTo("rita-rd"))
                .body("ownerName", equalTo("Rita Renamed"))
                .body("closedBy", equalTo("rita-rd"));
    }
}
