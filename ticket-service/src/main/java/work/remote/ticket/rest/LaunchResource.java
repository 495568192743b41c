package work.remote.ticket.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import work.remote.events.ticket.LaunchState;
import work.remote.platform.caller.CurrentCaller;
import work.remote.platform.links.Links;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.Problem;
import work.remote.platform.revision.Revisions;
import work.remote.ticket.Actor;
import work.remote.ticket.FeedbackSummary;
import work.remote.ticket.Launch;
import work.remote.ticket.RuleChange;
import work.remote.ticket.StatusPost;
import work.remote.ticket.TrainingKit;
import work.remote.ticket.rest.LaunchRecordViews.RuleChangeView;
import work.remote.ticket.rest.LaunchRecordViews.StatusPostView;
import work.remote.ticket.service.LaunchSearch;
import work.remote.ticket.service.LaunchService;

@Path("/launches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Launches")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid input; violations name each field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token lacks a role allowed here",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such launch",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Not possible in the launch's state (e.g. open gates, already started)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class LaunchResource {

    private final LaunchService launches;
    private final LaunchSearch search;
    private final CurrentCaller caller;
    private final Links links;

    @Inject
    public LaunchResource(LaunchService launches, LaunchSearch search, CurrentCaller caller, Links links) {
        this.launches = launches;
        this.search = search;
        this.caller = caller;
        this.links = links;
    }

    @POST
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Plan a launch", description = "Announces LaunchPlanned; the launch starts PLANNED with all "
            + "four gates open")
    @APIResponse(responseCode = "201", description = "Planned",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The launch"),
            content = @Content(schema = @Schema(implementation = LaunchView.class)))
    public Response plan(@Valid @NotNull PlanLaunchRequest request) {
        Launch launch = launches.plan(request.command(), caller.get());
        return Response.created(links.uri("launches", launch.id)).entity(view(launch)).build();
    }

    @GET
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Launches, the soonest planned first, optionally in one state")
    @APIResponse(responseCode = "200", description = "A page of launches")
    public Page<LaunchView> list(@QueryParam("state") LaunchState state, @BeanParam @Valid PageRequest page) {
        return search.list(state, page).map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "A launch, with each gate passed or open and what it still misses; the ETag is the "
            + "revision to send in If-Match")
    @APIResponse(responseCode = "200", description = "The launch; ETag names its revision",
            content = @Content(schema = @Schema(implementation = LaunchView.class)))
    public Response get(@PathParam("id") UUID id) {
        LaunchView launch = view(search.overview(id));
        return Revisions.ok(launch, launch.version());
    }

    @POST
    @Path("/{id}/final-round")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Confirm this onboarding round is the final one (gate 1)",
            description = "No big rule changes are left; only now the CS team takes part in the round")
    @APIResponse(responseCode = "200", description = "The launch")
    public LaunchView confirmFinalRound(@PathParam("id") UUID id) {
        return view(launches.confirmFinalRound(id, caller.get()));
    }

    @POST
    @Path("/{id}/onboarding")
    @RolesAllowed({ "cs-lead", "cs-agent", "product", "admin" })
    @Operation(summary = "Record taking part in the final onboarding round (gate 2), with the user questions found",
            description = "An agent records their own part; the CS lead, product or an admin may record anyone's")
    @APIResponse(responseCode = "200", description = "The launch")
    public LaunchView recordParticipation(@PathParam("id") UUID id, @Valid @NotNull ParticipationRequest request) {
        return view(launches.recordParticipation(id, request.command(), caller.get()));
    }

    @PUT
    @Path("/{id}/training-kit")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Write the training kit (gate 3 passes once all five sections are filled)",
            description = "If-Match, when sent, must name the launch's current revision (its ETag)")
    @APIResponse(responseCode = "200", description = "Saved; ETag names the launch's new revision",
            content = @Content(schema = @Schema(implementation = LaunchView.class)))
    public Response saveTrainingKit(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull TrainingKit kit) {
        LaunchView launch = view(launches.saveTrainingKit(id, kit, Revisions.expected(ifMatch), caller.get()));
        return Revisions.ok(launch, launch.version());
    }

    @POST
    @Path("/{id}/trainings")
    @RolesAllowed({ "product", "cs-lead", "admin" })
    @Operation(summary = "Record a training held outside meeting-service (gate 4)",
            description = "Trainings held in meeting-service are recorded from its MeetingConcluded event")
    @APIResponse(responseCode = "200", description = "The launch")
    public LaunchView recordTraining(@PathParam("id") UUID id, @Valid @NotNull TrainingHeldRequest request) {
        return view(launches.recordTraining(id, request.command(), Actor.of(caller.get())));
    }

    @POST
    @Path("/{id}/relays")
    @RolesAllowed({ "cs-lead", "admin" })
    @Operation(summary = "Record that you relayed the training to someone who missed it (gate 4)")
    @APIResponse(responseCode = "200", description = "The launch")
    public LaunchView recordRelay(@PathParam("id") UUID id, @Valid @NotNull RelayRequest request) {
        return view(launches.recordRelay(id, request.person(), null, Actor.of(caller.get())));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Start the launch: opens the parent feedback ticket and announces LaunchStarted",
            description = "Refused while a gate is open (409 listing each with what is missing), unless an admin "
                    + "overrides with a reason, which is kept in the audit trail")
    @APIResponse(responseCode = "200", description = "The launch, live, with its parent feedback ticket")
    public LaunchView start(@PathParam("id") UUID id, @Valid StartLaunchRequest request) {
        LaunchService.Start start = request == null ? LaunchService.Start.WITH_GATES_PASSED : request.command();
        return view(launches.start(id, start, caller.get()));
    }

    @POST
    @Path("/{id}/status-posts")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Post the deployment status of a live launch to its CS channel")
    @APIResponse(responseCode = "201", description = "Posted",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The launch's status posts"),
            content = @Content(schema = @Schema(implementation = StatusPostView.class)))
    public Response postStatus(@PathParam("id") UUID id, @Valid @NotNull StatusPostRequest request) {
        StatusPost post = launches.postStatus(id, request.command(), caller.get());
        return Response.created(links.uri("launches", id, "status-posts")).entity(StatusPostView.of(post)).build();
    }

    @GET
    @Path("/{id}/status-posts")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The launch's status posts, newest first")
    @APIResponse(responseCode = "200", description = "A page of status posts")
    public Page<StatusPostView> statusPosts(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return search.statusPosts(id, page).map(StatusPostView::of);
    }

    @POST
    @Path("/{id}/rule-changes")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Announce a new version of the rules document")
    @APIResponse(responseCode = "201", description = "Announced",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The launch's rule changes"),
            content = @Content(schema = @Schema(implementation = RuleChangeView.class)))
    public Response changeRules(@PathParam("id") UUID id, @Valid @NotNull RuleChangeRequest request) {
        RuleChange change = launches.changeRules(id, request.command(), caller.get());
        return Response.created(links.uri("launches", id, "rule-changes")).entity(RuleChangeView.of(change)).build();
    }

    @GET
    @Path("/{id}/rule-changes")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The rules document's versions, oldest first")
    @APIResponse(responseCode = "200", description = "A page of rule changes")
    public Page<RuleChangeView> ruleChanges(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return search.ruleChanges(id, page).map(RuleChangeView::of);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Close a live launch; announces LaunchClosed so its after-action review gets scheduled")
    @APIResponse(responseCode = "200", description = "The launch, closed")
    public LaunchView close(@PathParam("id") UUID id) {
        return view(launches.close(id, caller.get()));
    }

    @GET
    @Path("/{id}/feedback")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The launch's feedback: tickets by type, severity and state, open critical issues, "
            + "how the deadlines went")
    @APIResponse(responseCode = "200", description = "The feedback summary")
    public FeedbackSummary feedback(@PathParam("id") UUID id) {
        return search.feedback(id);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The launch's audit trail, oldest first: who did what, and when, overrides with their reason")
    @APIResponse(responseCode = "200", description = "A page of the audit trail")
    public Page<ChangeView> audit(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return search.auditTrail(id, page).map(ChangeView::of);
    }

    private LaunchView view(Launch launch) {
        return view(search.overview(launch));
    }

    private LaunchView view(LaunchSearch.Overview overview) {
        Launch launch = overview.launch();
        String parentLink = launch.parentTicketId == null ? null : links.to("tickets", launch.parentTicketId);
        return LaunchView.of(overview, parentLink, links.to("launches", launch.id));
    }
}
