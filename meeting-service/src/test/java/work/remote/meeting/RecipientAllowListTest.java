package work.remote.meeting;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;

/**
 * Mail stays inside the company: a person named by an address outside {@code meeting.recipients.allowed-domains} is
 * refused when the meeting, parking-lot item or action item is written, so no event names them for mailing.
 */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class RecipientAllowListTest {

    static final String OUTSIDE = "x@elsewhere.example";

    @Test
    void mailToAnOutsideDomainIsRefusedWhenAnActionItemIsWritten() {
        String id = retrospective(Subjects.launch());
        post(HOST, "product", "/meetings/" + id + "/review", review(List.of(
                actionItem("Write the FAQ", "rita-rd", today().plusDays(7)),
                actionItem("Ask the bank", OUTSIDE, today().plusDays(7)))))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("actionItems[1].owner"))
                .body("violations[0].message", containsString("remote.work"));
        MeetingApi.get("ops", "/meetings/" + id + "/review").statusCode(200).body("state", equalTo("PENDING"));

        post(HOST, "product", "/meetings/" + id + "/review", review(List.of(
                actionItem("Write the FAQ", "rita-rd", today().plusDays(7)),
                actionItem("Ask the bank", "Ana@Remote.Work", today().plusDays(7)),
                actionItem("Check the logs", "ben@remote-work.local", today().plusDays(7)))))
                .statusCode(200)
                .body("actionItems.owner", containsInAnyOrder("rita-rd", "Ana@Remote.Work", "ben@remote-work.local"));
    }

    @Test
    void mailToAnOutsideDomainIsRefusedWhenAnInviteeOrSupervisorIsWritten() {
        List<Map<String, Object>> invitees = List.of(
                Map.of("person", "cs-1", "functionGroup", "CS", "supervisor", "lead@remote.work"),
                Map.of("person", "cs-2", "functionGroup", "CS", "supervisor", OUTSIDE),
                Map.of("person", "guest@outside.example", "functionGroup", "CS"));
        for (String path : List.of("/meetings", "/meetings/sessions")) {
            Map<String, Object> request = discussion(Subjects.process(), 30, invitees);
            request.put("host", "host@elsewhere.example");
            post("planner", "product", path, request).statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", containsInAnyOrder("host", "invitees[1].supervisor",
                            "invitees[2].person"));
        }
        List<Map<String, Object>> allowed = List.of(
                Map.of("person", "cs-1", "functionGroup", "CS", "supervisor", "lead@remote.work"),
                Map.of("person", "cs-2@remote-work.local", "functionGroup", "CS"));
        Map<String, Object> request = discussion(Subjects.process(), 30, allowed);
        request.put("host", "hana@remote.work");
        post("planner", "product", "/meetings", request).statusCode(201)
                .body("invitees.supervisor", contains("lead@remote.work", null));
    }

    @Test
    void mailToAnOutsideDomainIsRefusedWhenAProposalIsParked() {
        String id = plan(discussion(Subjects.process(), 30, people("CS", 2, "lead")));
        MeetingRunTest.start(id);
        host(id, "/parking-lot", Map.of("proposedBy", OUTSIDE, "proposal", "Invite the bank")).statusCode(400)
                .body("violations.field", contains("proposedBy"));
        host(id, "/parking-lot", Map.of("proposedBy", "cs-1@remote.work", "proposal", "Invite the bank"))
                .statusCode(201);
    }
}
