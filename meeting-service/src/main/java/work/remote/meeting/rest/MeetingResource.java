package work.remote.meeting.rest;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import work.remote.events.meeting.MeetingKind;
import work.remote.meeting.AfterActionReview;
import work.remote.meeting.Meeting;
import work.remote.meeting.MeetingState;
import work.remote.meeting.ParkingLotItem;
import work.remote.meeting.service.MeetingPlanner;
import work.remote.meeting.service.MeetingService;
import work.remote.meeting.service.ReviewService;
import work.remote.platform.caller.CurrentCaller;
import work.remote.platform.links.Links;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.Problem;
import work.remote.platform.revision.Revisions;

/**
 * Meetings for their host, and their after-action reviews. Views read a meeting's invitees and agenda, so each request
 * runs in one transaction with the service's work. Every answer about one meeting (or review) carries its version as
 * {@code ETag}; a change may send it back in {@code If-Match} and is then refused (409) when the meeting moved on.
 */
@Path("/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings")
@SecurityRequirement(name = "jwt")
@Transactional
@APIResponse(responseCode = "400", description = "Invalid input, a subject no event announced (subject.id), a person "
        + "outside the allowed mail domains, or a meeting beyond its kind's limits; violations name each field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token lacks a role allowed here, or the caller is not the host",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such meeting",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Not possible in the meeting's state, changed concurrently, or "
        + "If-Match names a version that is no longer current",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MeetingResource {

    private final MeetingPlanner planner;
    private final MeetingService meetings;
    private final ReviewService reviews;
    private final CurrentCaller caller;
    private final Links links;
    private final Clock clock;

    @Inject
    public MeetingResource(MeetingPlanner planner, MeetingService meetings, ReviewService reviews,
            CurrentCaller caller, Links links, Clock clock) {
        this.planner = planner;
        this.meetings = meetings;
        this.reviews = reviews;
        this.caller = caller;
        this.links = links;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({ "product", "cs-lead", "admin" })
    @Operation(summary = "Plan one meeting", description = "Refused when it breaks its kind's limits: DISCUSSION at "
            + "most 6 participants (host included) and 45 minutes, TRAINING 12 and 90, RETROSPECTIVE 10 and 60. "
            + "The agenda is generated: presentation 5–10 minutes, reading 5, open parking-lot items 3 each, "
            + "discussion the rest.")
    @APIResponse(responseCode = "201", description = "Planned and announced with MeetingScheduled",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The meeting"),
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    public Response plan(@Valid @NotNull PlanMeetingRequest request) {
        Meeting meeting = planner.planOne(request.command(), caller.get());
        return Revisions.tagged(Response.created(links.uri("meetings", meeting.id)).entity(view(meeting)),
                meeting.version);
    }

    @POST
    @Path("/sessions")
    @RolesAllowed({ "product", "cs-lead", "admin" })
    @Operation(summary = "Plan sessions for an invitee list of any size", description = "Splits the invitees by "
            + "function group into sessions within the kind's size, balanced, nobody dropped or twice; the host "
            + "runs them one after another")
    @APIResponse(responseCode = "201", description = "The sessions, in order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = MeetingView.class)))
    public Response planSessions(@Valid @NotNull PlanMeetingRequest request) {
        List<Meeting> sessions = planner.planSessions(request.command(), caller.get());
        return Response.status(Response.Status.CREATED).entity(sessions.stream().map(this::view).toList()).build();
    }

    @GET
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Meetings by subject, kind, host or state, earliest start first")
    @APIResponse(responseCode = "200", description = "A page of meetings")
    public Page<MeetingView> list(@QueryParam("subjectId") UUID subjectId, @QueryParam("kind") MeetingKind kind,
            @QueryParam("host") String host, @QueryParam("state") MeetingState state,
            @BeanParam @Valid PageRequest page) {
        return meetings.find(subjectId, kind, host, state, page).map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "A meeting with its agenda: planned and actual time per item, overruns flagged")
    @APIResponse(responseCode = "200", description = "The meeting; its ETag is the version to send in If-Match",
            headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = MeetingView.class)))
    public Response get(@PathParam("id") UUID id) {
        return tagged(meetings.find(id));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The host starts the meeting and its first agenda item",
            description = "The agenda is generated afresh, taking up what was parked on the subject meanwhile")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    public Response start(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch) {
        return tagged(meetings.start(id, Revisions.expected(ifMatch), caller.get()));
    }

    @POST
    @Path("/{id}/agenda/advance")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The host ends the running agenda item and starts the next")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    public Response advance(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch) {
        return tagged(meetings.advanceAgenda(id, Revisions.expected(ifMatch), caller.get()));
    }

    @POST
    @Path("/{id}/parking-lot")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The host parks an off-topic proposal of the running meeting",
            description = "It goes on the agenda of later meetings on the same subject until discussed or dropped")
    @APIResponse(responseCode = "201", description = "Parked and announced with ParkingLotItemRecorded",
            content = @Content(schema = @Schema(implementation = ParkingLotItemView.class)))
    public Response park(@PathParam("id") UUID id, @Valid @NotNull ParkRequest request) {
        ParkingLotItem item = meetings.park(id, request.command(), caller.get());
        return Revisions.tagged(Response.status(Response.Status.CREATED).entity(ParkingLotItemView.of(item)),
                item.version);
    }

    @PUT
    @Path("/{id}/attendance")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The host records who attended; every other invitee was absent")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    public Response attendance(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull AttendanceRequest request) {
        return tagged(meetings.recordAttendance(id, Revisions.expected(ifMatch), request.present(), caller.get()));
    }

    @POST
    @Path("/{id}/conclusion")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The host concludes the meeting with decisions and feedback",
            description = "Announces MeetingConcluded with attendees and absentees, and a RelayRequested to the "
                    + "supervisor of each absentee (the host when they have none)")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    public Response conclude(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull ConcludeRequest request) {
        return tagged(meetings.conclude(id, Revisions.expected(ifMatch), request.command(), caller.get()));
    }

    @GET
    @Path("/{id}/review")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The after-action review of a retrospective meeting, with its action items")
    @APIResponse(responseCode = "200", description = "The review; its ETag is the version to send in If-Match",
            headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = ReviewView.class)))
    public Response review(@PathParam("id") UUID id) {
        return reviewView(reviews.find(id));
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The host writes up the after-action review, once",
            description = "Expected, happened, why different, keep, change, action items with owner and due date; "
                    + "announced with RetrospectiveCompleted")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ReviewView.class)))
    public Response completeReview(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull ReviewRequest request) {
        return reviewView(reviews.complete(id, Revisions.expected(ifMatch), request.command(), caller.get()));
    }

    private Response tagged(Meeting meeting) {
        return Revisions.ok(view(meeting), meeting.version);
    }

    private MeetingView view(Meeting meeting) {
        return MeetingView.of(meeting, clock.instant(), links.to("meetings", meeting.id));
    }

    private Response reviewView(AfterActionReview review) {
        return Revisions.ok(ReviewView.of(review, reviews.actionItemsOf(review.meetingId)), review.version);
    }
}
