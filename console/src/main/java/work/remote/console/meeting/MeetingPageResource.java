package work.remote.console.meeting;

import static work.remote.console.form.FormValues.ifMatch;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import work.remote.console.client.meeting.api.MeetingsApi;
import work.remote.console.client.meeting.api.ParkingLotApi;
import work.remote.console.client.meeting.api.RelaysApi;
import work.remote.console.client.meeting.model.AcknowledgeRelayRequest;
import work.remote.console.client.meeting.model.MeetingResourcePlan201Response;
import work.remote.console.client.meeting.model.MeetingResourcePlan201ResponseAgendaInner;
import work.remote.console.client.meeting.model.MeetingResourcePlan201ResponseInviteesInner;
import work.remote.console.client.meeting.model.ParkingLotItemView;
import work.remote.console.client.meeting.model.RelayResourceGet200Response;
import work.remote.console.problem.Problem;
import work.remote.console.problem.ServiceProblem;
import work.remote.console.signin.SignedIn;
import work.remote.console.signin.Viewer;

/**
 * Meetings: a meeting's agenda with a running timer per item, its parking lot and attendance; and the relays the
 * viewer, as a supervisor, still has to acknowledge.
 */
@Path("/meetings")
public class MeetingPageResource {

    static final String MEETING_SERVICE = "meeting-service";
    private static final int PAGE = 200;

    /** An agenda item and where it stands against its timebox. */
    public record AgendaRow(MeetingResourcePlan201ResponseAgendaInner item, Timebox timebox) {
    }

    /** An invitee and their attendance in words. */
    public record Attendee(MeetingResourcePlan201ResponseInviteesInner invitee, String attendance) {
    }

    /** A relay the viewer still has to acknowledge, with what they typed and why meeting-service refused it. */
    public record MyRelay(RelayResourceGet200Response relay, String note, Problem problem) {
    }

    public record MeetingPage(MeetingResourcePlan201Response meeting, List<AgendaRow> agenda,
            List<ParkingLotItemView> parkingLot, List<Attendee> attendance, List<RelayResourceGet200Response> relays,
            List<MyRelay> myRelays) {
    }

    /** An acknowledgement meeting-service refused: the relay, what the viewer wrote, and the refusal. */
    private record Refusal(UUID relayId, String note, Problem problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance meetings(Viewer viewer, List<MeetingResourcePlan201Response> meetings,
                List<MyRelay> myRelays, Problem problem);

        static native TemplateInstance meeting(Viewer viewer, MeetingPage page, Problem problem);
    }

    private final MeetingsApi meetings;
    private final ParkingLotApi parkingLot;
    private final RelaysApi relays;
    private final SignedIn signedIn;
    private final Clock clock;

    public MeetingPageResource(@RestClient MeetingsApi meetings, @RestClient ParkingLotApi parkingLot,
            @RestClient RelaysApi relays, SignedIn signedIn, Clock clock) {
        this.meetings = meetings;
        this.parkingLot = parkingLot;
        this.relays = relays;
        this.signedIn = signedIn;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list() {
        try {
            List<MeetingResourcePlan201Response> all = ServiceProblem.call(MEETING_SERVICE,
                    () -> meetings.meetingResourceList(null, null, 0, PAGE, null, null)).getItems();
            List<MyRelay> mine = myRelays(null, null);
            return Response.ok(Templates.meetings(signedIn.get(), all, mine, null)).build();
        } catch (ServiceProblem e) {
            return e.page(Templates.meetings(signedIn.get(), List.of(), List.of(), e.problem()));
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response meeting(@PathParam("id") UUID id) {
        return page(id, null, 200);
    }

    @POST
    @Path("/{id}/relays/{relayId}/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response acknowledge(@PathParam("id") UUID id, @PathParam("relayId") UUID relayId, @RestForm String note,
            @RestForm String version) {
        AcknowledgeRelayRequest request = new AcknowledgeRelayRequest();
        request.setNote(note == null || note.isBlank() ? null : note.strip());
        try {
            ServiceProblem.call(MEETING_SERVICE, () -> relays.relayResourceAcknowledge(relayId, request,
                    ifMatch(version)));
            return Response.seeOther(URI.create("/meetings/" + id + "#relays")).build();
        } catch (ServiceProblem e) {
            return page(id, new Refusal(relayId, note == null ? "" : note, e.problem()), 422);
        }
    }

    private Response page(UUID id, Refusal refusal, int status) {
        MeetingPage page;
        try {
            page = read(id, refusal);
        } catch (ServiceProblem e) {
            return e.page(Templates.meeting(signedIn.get(), null, e.problem()));
        }
        boolean shownAtItsRelay = page.myRelays().stream().anyMatch(mine -> mine.problem() != null);
        Problem atTheTop = refusal == null || shownAtItsRelay ? null : refusal.problem();
        return Response.status(status).entity(Templates.meeting(signedIn.get(), page, atTheTop)).build();
    }

    private MeetingPage read(UUID id, Refusal refusal) {
        MeetingResourcePlan201Response meeting = ServiceProblem.call(MEETING_SERVICE,
                () -> meetings.meetingResourceGet(id));
        Instant now = clock.instant();
        List<AgendaRow> agenda = meeting.getAgenda() == null ? List.of() : meeting.getAgenda().stream()
                .map(item -> new AgendaRow(item, Timebox.of(item.getPlannedMinutes(), instant(item.getStartedAt()),
                        instant(item.getEndedAt()), now)))
                .toList();
        List<ParkingLotItemView> parked = meeting.getSubject() == null || meeting.getSubject().getId() == null
                ? List.of()
                : ServiceProblem.call(MEETING_SERVICE, () -> parkingLot.parkingLotResourceList(0, PAGE, null,
                        meeting.getSubject().getId())).getItems();
        List<RelayResourceGet200Response> relaysOfMeeting = ServiceProblem.call(MEETING_SERVICE,
                () -> relays.relayResourceList(id, null, 0, PAGE, null)).getItems();
        List<Attendee> attendance = meeting.getInvitees() == null ? List.of() : meeting.getInvitees().stream()
                .map(invitee -> new Attendee(invitee, attendance(invitee))).toList();
        return new MeetingPage(meeting, agenda, parked, attendance, relaysOfMeeting, myRelays(id, refusal));
    }

    /** The open relays whose supervisor is the viewer: of one meeting, or of every meeting when it is null. */
    private List<MyRelay> myRelays(UUID meetingId, Refusal refusal) {
        String person = signedIn.get().person();
        List<MyRelay> mine = new ArrayList<>();
        for (RelayResourceGet200Response relay : ServiceProblem.call(MEETING_SERVICE,
                () -> relays.relayResourceList(meetingId, true, 0, PAGE, person)).getItems()) {
            boolean refused = refusal != null && refusal.relayId().equals(relay.getId());
            mine.add(new MyRelay(relay, refused ? refusal.note() : "", refused ? refusal.problem() : null));
        }
        return mine;
    }

    private static String attendance(MeetingResourcePlan201ResponseInviteesInner invitee) {
        if (invitee.getPresent() == null) {
            return "attendance not taken yet";
        }
        if (invitee.getPresent()) {
            return "present";
        }
        return invitee.getSupervisor() == null ? "absent" : "absent; " + invitee.getSupervisor() + " relays it";
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
