package work.remote.process.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;

import work.remote.problem.Problem;
import work.remote.process.DiscussionFeedback;
import work.remote.process.ImprovementItem;
import work.remote.process.Process;
import work.remote.process.ProcessVersion;
import work.remote.process.Rehearsal;
import work.remote.process.Rollout;
import work.remote.process.flow.DefinitionDiff;
import work.remote.process.flow.MermaidChart;
import work.remote.process.flow.RoleDuties;
import work.remote.process.flow.SvgChart;
import work.remote.process.flow.ValidationReport;
import work.remote.process.service.ProcessService;
import work.remote.process.service.RolloutService;

@Path("/processes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Processes")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid input; violations name each field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token lacks a role allowed here",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such process, version, role or rehearsal",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ProcessResource {

    private final ProcessService processes;
    private final RolloutService rollouts;
    private final JsonWebToken caller;

    @Inject
    public ProcessResource(ProcessService processes, RolloutService rollouts, JsonWebToken caller) {
        this.processes = processes;
        this.rollouts = rollouts;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Create a process as a draft", description = "The first step of the flow is its start")
    @APIResponse(responseCode = "201", description = "Created; ETag names its revision",
            content = @Content(schema = @Schema(implementation = ProcessView.class)))
    @APIResponse(responseCode = "409", description = "The key is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull DraftRequest request) {
        Process process = processes.create(request.command(), caller.getName());
        return Revisions.tagged(Response.created(URI.create("/processes/" + process.id)), process)
                .entity(view(process)).build();
    }

    @GET
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Processes by key")
    public PageView<ProcessView> list(@Valid @BeanParam PageRequest page) {
        return Pages.of(Process.findAll(Sort.ascending("key")), page, this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "A process with its open draft; the ETag is the revision to send in If-Match")
    public Response get(@PathParam("id") UUID id) {
        Process process = processes.find(id);
        return Revisions.tagged(Response.ok(view(process)), process).build();
    }

    @PUT
    @Path("/{id}/draft")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Replace the open draft", description = "If-Match must name the revision you edited")
    @APIResponse(responseCode = "409", description = "The revision is stale, or there is no open draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match header",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response editDraft(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull DraftRequest request) {
        Process process = processes.editDraft(id, Revisions.expected(ifMatch, true), request.command());
        return Revisions.tagged(Response.ok(view(process)), process).build();
    }

    @GET
    @Path("/{id}/validation")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Everything that keeps the open draft from being published, each naming its field or step")
    public ValidationReport validation(@PathParam("id") UUID id) {
        return ValidationReport.of(processes.find(id).openDraft());
    }

    @GET
    @Path("/{id}/duties/{role}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "What one role does: its steps in flow order, hand-offs in and out, key points to check",
            description = "From the given version; without one from the open draft, else the latest version")
    public RoleDuties duties(@PathParam("id") UUID id, @PathParam("role") String role,
            @QueryParam("version") @Min(1) Integer version) {
        return RoleDuties.of(processes.definition(id, version), role);
    }

    @GET
    @Path("/{id}/flowchart.mmd")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The flowchart as Mermaid text: a lane per role, key points marked")
    public String mermaid(@PathParam("id") UUID id, @QueryParam("version") @Min(1) Integer version) {
        return MermaidChart.of(processes.definition(id, version));
    }

    @GET
    @Path("/{id}/flowchart.svg")
    @Produces("image/svg+xml")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The flowchart as an SVG picture: a colour per role, key points in red")
    public String svg(@PathParam("id") UUID id, @QueryParam("version") @Min(1) Integer version) {
        return SvgChart.of(processes.definition(id, version));
    }

    @POST
    @Path("/{id}/rehearsals")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Record a dry run of the draft's flow", description = "Steps with a problem are findings; "
            + "while the latest rehearsal has unresolved ones (and no waiver) the draft cannot be published")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = RehearsalView.class)))
    public Response rehearse(@PathParam("id") UUID id, @Valid @NotNull Requests.Rehearse request) {
        Rehearsal rehearsal = processes.rehearse(id, request.command(), caller.getName());
        return Response.created(URI.create("/processes/" + id + "/rehearsals/" + rehearsal.id))
                .entity(RehearsalView.of(rehearsal)).build();
    }

    @GET
    @Path("/{id}/rehearsals")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Rehearsals, newest first")
    public PageView<RehearsalView> rehearsals(@PathParam("id") UUID id,
            @Valid @BeanParam PageRequest page) {
        processes.find(id);
        return Pages.of(Rehearsal.find("processId", Sort.descending("rehearsedAt").and("id"), id), page,
                RehearsalView::of);
    }

    @POST
    @Path("/{id}/rehearsals/{rehearsalId}/steps/{index}/resolution")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Resolve the finding at a walked step (its index in the rehearsal)")
    public RehearsalView resolve(@PathParam("id") UUID id, @PathParam("rehearsalId") UUID rehearsalId,
            @PathParam("index") int index, @Valid @NotNull Requests.Resolve request) {
        return RehearsalView.of(processes.resolveFinding(id, rehearsalId, index, request.resolution(),
                caller.getName()));
    }

    @POST
    @Path("/{id}/rehearsals/{rehearsalId}/waiver")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Waive a rehearsal's unresolved findings, with a reason")
    public RehearsalView waive(@PathParam("id") UUID id, @PathParam("rehearsalId") UUID rehearsalId,
            @Valid @NotNull Requests.Waive request) {
        return RehearsalView.of(processes.waive(id, rehearsalId, request.reason(), caller.getName()));
    }

    @POST
    @Path("/{id}/review-requests")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Ask the people involved to discuss the draft",
            description = "Emits ProcessReviewRequested; meeting-service plans the discussion sessions")
    @APIResponse(responseCode = "202", description = "Requested")
    public Response requestReview(@PathParam("id") UUID id, @Valid @NotNull Requests.Review request) {
        processes.requestReview(id, request.command(), caller.getName());
        return Response.accepted().build();
    }

    @GET
    @Path("/{id}/feedback")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Feedback from discussion meetings, newest first, with the version its draft becomes")
    public PageView<DiscussionFeedbackView> feedback(@PathParam("id") UUID id,
            @Valid @BeanParam PageRequest page) {
        processes.find(id);
        return Pages.of(DiscussionFeedback.find("processId", Sort.descending("receivedAt").and("id"), id), page,
                DiscussionFeedbackView::of);
    }

    @POST
    @Path("/{id}/versions")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Publish the open draft as the next immutable version",
            description = "Refused while the validation report is not clean or the latest rehearsal has "
                    + "unresolved findings; If-Match, when sent, must name the current revision")
    @APIResponse(responseCode = "201", description = "Published",
            content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "409", description = "Validation problems (as violations), open rehearsal findings, "
            + "no open draft, or a stale revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull Requests.Publish request) {
        ProcessVersion version = processes.publish(id, Revisions.expected(ifMatch, false), request.command(),
                caller.getName());
        return Response.created(URI.create("/processes/" + id + "/versions/" + version.number))
                .entity(VersionView.of(version)).build();
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Published versions, oldest first")
    public PageView<VersionView> versions(@PathParam("id") UUID id,
            @Valid @BeanParam PageRequest page) {
        processes.find(id);
        return Pages.of(ProcessVersion.find("processId", Sort.ascending("number"), id), page,
                VersionView::of);
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "One published version")
    public VersionView version(@PathParam("id") UUID id, @PathParam("version") int version) {
        return VersionView.of(ProcessVersion.get(id, version));
    }

    @GET
    @Path("/{id}/diff")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "What changed from one published version to another: outline, steps, roles, key points")
    public DefinitionDiff diff(@PathParam("id") UUID id, @QueryParam("from") @NotNull @Min(1) Integer from,
            @QueryParam("to") @NotNull @Min(1) Integer to) {
        return DefinitionDiff.between(ProcessVersion.get(id, from).definition, ProcessVersion.get(id, to).definition);
    }

    @POST
    @Path("/{id}/refinements")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Open a new draft from the latest published version, with a change summary")
    @APIResponse(responseCode = "409", description = "A draft is already open, or nothing is published yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response refine(@PathParam("id") UUID id, @Valid @NotNull Requests.Refine request) {
        Process process = processes.refine(id, request.changeSummary(), caller.getName());
        return Revisions.tagged(Response.ok(view(process)), process).build();
    }

    @POST
    @Path("/{id}/retirement")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Retire the process: nothing can be edited, published or rolled out afterwards")
    public ProcessView retire(@PathParam("id") UUID id, @Valid @NotNull Requests.Retire request) {
        return view(processes.retire(id, request.reason(), caller.getName()));
    }

    @GET
    @Path("/{id}/improvements")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Improvement items from after-action reviews, newest first",
            description = "open=true (the default) lists those no published version has addressed yet")
    public PageView<ImprovementView> improvements(@PathParam("id") UUID id,
            @QueryParam("open") @DefaultValue("true") boolean open,
            @Valid @BeanParam PageRequest page) {
        processes.find(id);
        Sort newestFirst = Sort.descending("recordedAt").and("id");
        return Pages.of(open
                ? ImprovementItem.find("processId = ?1 and addressedInVersion is null", newestFirst, id)
                : ImprovementItem.find("processId", newestFirst, id), page, ImprovementView::of);
    }

    @POST
    @Path("/{id}/rollouts")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Roll a published version out: every participant gets the checklist of their role")
    @APIResponse(responseCode = "201", description = "Started",
            content = @Content(schema = @Schema(implementation = RolloutView.class)))
    public Response startRollout(@PathParam("id") UUID id, @Valid @NotNull Requests.StartRollout request) {
        Rollout rollout = rollouts.start(id, request.command(), caller.getName());
        return Response.created(URI.create("/rollouts/" + rollout.id))
                .entity(RolloutResource.view(rollout, rollouts)).build();
    }

    @GET
    @Path("/{id}/rollouts")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Rollouts of the process, newest first, with their progress")
    public PageView<RolloutView> rollouts(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        processes.find(id);
        return Pages.of(Rollout.<Rollout>find("processId", Sort.descending("startedAt").and("id"), id), page,
                rollout -> RolloutResource.view(rollout, rollouts));
    }

    private ProcessView view(Process process) {
        return ProcessView.of(process, processes.linkTo(process));
    }
}
