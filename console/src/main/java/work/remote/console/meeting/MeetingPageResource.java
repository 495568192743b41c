package work.remote.console.meeting;

import static work.remote.console.form.FormValues.ifMatch;
import static work.remote.console.form.FormValues.text;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import work.remote.console.client.meeting.model.AttendanceRequest;
import work.remote.console.client.meeting.model.ConcludeRequest;
import work.remote.console.client.meeting.model.ParkRequest;
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
 * Meetings: a meeting's agenda with a running timer per item, its parking lot and attendance; the host's actions
 * (start, end the running item, park a proposal, take attendance, conclude), offered to whom meeting-service lets run
 * the meeting, its host or an admin; and the relays the viewer, as a supervisor, still has to acknowledge.
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

        /** Whether the attendance taken so far has them present. */
        public boolean present() {
            return Boolean.TRUE.equals(invitee.getPresent());
        }
    }

    /** A relay the viewer still has to acknowledge, with what they typed and why meeting-service refused it. */
    public record MyRelay(RelayResourceGet200Response relay, String note, Problem problem) {
    }

    /**
     * A host action meeting-service refused, shown at the action: which form ({@code start}, {@code advance},
     * {@code park}, {@code attendance}, {@code conclusion}), what the viewer sent in it, and the refusal.
     */
    public record HostRefusal(String form, Map<String, String> entered, Problem problem) {

        public String get(String field) {
            return entered.getOrDefault(field, "");
        }

        public Problem at(String action) {
            return form.equals(action) ? problem : null;
        }
    }

    /**
     * The host's actions as meeting-service allows them: to the host or an admin, start while scheduled, end the
     * running item, park a proposal and conclude while running, take attendance until concluded.
     */
    public record Hosting(boolean mayRun, String state, AgendaRow runningItem, boolean lastItemRuns,
            HostRefusal refusal) {

        public boolean offers(String action) {
            if (!mayRun) {
                return false;
            }
            return switch (action) {
                case "start" -> state.equals("SCHEDULED");
                case "advance" -> state.equals("RUNNING") && runningItem != null;
                case "park", "conclusion" -> state.equals("RUNNING");
                case "attendance" -> !state.equals("CONCLUDED");
                default -> false;
            };
        }

        public boolean offersAny() {
            return List.of("start", "advance", "park", "attendance", "conclusion").stream().anyMatch(this::offers);
        }

        /** What the viewer sent in {@code form} when meeting-service refused it, else an empty string. */
        public String entered(String form, String field) {
            return refusal != null && refusal.form().equals(form) ? refusal.get(field) : "";
        }

        /** The refusal of {@code form}, shown at it. */
        public Problem problemAt(String form) {
            return refusal == null ? null : refusal.at(form);
        }

        /** A refusal of an action the page no longer offers, e.g. after someone concluded the meeting meanwhile. */
        Problem notShownAtItsAction() {
            return refusal == null || offers(refusal.form()) ? null : refusal.problem();
        }
    }

    public record MeetingPage(MeetingResourcePlan201Response meeting, List<AgendaRow> agenda,
            List<ParkingLotItemView> parkingLot, List<Attendee> attendance, List<RelayResourceGet200Response> relays,
            List<MyRelay> myRelays, Hosting hosting) {
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
        return page(id, null, null, 200);
    }

    @POST
    @Path("/{id}/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response start(@PathParam("id") UUID id, @RestForm String version) {
        return host(id, "start", Map.of(), () -> meetings.meetingResourceStart(id, ifMatch(version)));
    }

    @POST
    @Path("/{id}/agenda/advance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response advance(@PathParam("id") UUID id, @RestForm String version) {
        return host(id, "advance", Map.of(), () -> meetings.meetingResourceAdvance(id, ifMatch(version)));
    }

    @POST
    @Path("/{id}/parking-lot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response park(@PathParam("id") UUID id, @RestForm String proposedBy, @RestForm String proposal) {
        ParkRequest request = new ParkRequest();
        request.setProposedBy(blankToNull(proposedBy));
        request.setProposal(blankToNull(proposal));
        return host(id, "park", Map.of("proposedBy", text(proposedBy), "proposal", text(proposal)),
                () -> meetings.meetingResourcePark(id, request));
    }

    @POST
    @Path("/{id}/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response attendance(@PathParam("id") UUID id, @RestForm String version,
            @RestForm("present") List<String> present) {
        AttendanceRequest request = new AttendanceRequest();
        request.setPresent(present == null ? List.of() : present);
        return host(id, "attendance", Map.of(), () -> meetings.meetingResourceAttendance(id, request,
                ifMatch(version)));
    }

    @POST
    @Path("/{id}/conclusion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response conclude(@PathParam("id") UUID id, @RestForm String version, @RestForm String decisions) {
        ConcludeRequest request = new ConcludeRequest();
        request.setDecisions(text(decisions).lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
        return host(id, "conclusion", Map.of("decisions", text(decisions)),
                () -> meetings.meetingResourceConclude(id, request, ifMatch(version)));
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
            return page(id, new Refusal(relayId, note == null ? "" : note, e.problem()), null, 422);
        }
    }

    /** Runs a host action with the viewer's token; a refusal is shown at the action, with what the viewer sent. */
    private Response host(UUID id, String form, Map<String, String> entered, Runnable call) {
        try {
            ServiceProblem.call(MEETING_SERVICE, () -> {
                call.run();
                return null;
            });
            return Response.seeOther(URI.create("/meetings/" + id + "#host-actions")).build();
        } catch (ServiceProblem e) {
            return page(id, null, new HostRefusal(form, entered, e.problem()), 422);
        }
    }

    private Response page(UUID id, Refusal refusal, HostRefusal hostRefusal, int status) {
        MeetingPage page;
        try {
            page = read(id, refusal, hostRefusal);
        } catch (ServiceProblem e) {
            return e.page(Templates.meeting(signedIn.get(), null, e.problem()));
        }
        boolean shownAtItsRelay = page.myRelays().stream().anyMatch(mine -> mine.problem() != null);
        Problem atTheTop = refusal == null || shownAtItsRelay ? page.hosting().notShownAtItsAction()
                : refusal.problem();
        return Response.status(status).entity(Templates.meeting(signedIn.get(), page, atTheTop)).build();
    }

    private MeetingPage read(UUID id, Refusal refusal, HostRefusal hostRefusal) {
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
        Viewer viewer = signedIn.get();
        AgendaRow running = agenda.stream().filter(row -> Boolean.TRUE.equals(row.item().getRunning())).findFirst()
                .orElse(null);
        Hosting hosting = new Hosting(viewer.person().equals(meeting.getHost()) || viewer.is("admin"),
                String.valueOf(meeting.getState()), running,
                running != null && running == agenda.get(agenda.size() - 1), hostRefusal);
        return new MeetingPage(meeting, agenda, parked, attendance, relaysOfMeeting, myRelays(id, refusal), hosting);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
