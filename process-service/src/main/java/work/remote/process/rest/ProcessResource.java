package work.remote.process.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

import work.remote.platform.caller.CurrentCaller;
import work.remote.platform.links.Links;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.Problem;
import work.remote.platform.revision.Revisions;
import work.remote.process.Process;
import work.remote.process.service.ProcessService;

/** Processes and their open drafts: authoring, review, refinement, retirement and what comes back from them. */
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
@APIResponse(responseCode = "404", description = "No such process",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ProcessResource {

    private final ProcessService processes;
    private final CurrentCaller caller;
    private final Links links;

    @Inject
    public ProcessResource(ProcessService processes, CurrentCaller caller, Links links) {
        this.processes = processes;
        this.caller = caller;
        this.links = links;
    }

    @POST
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Create a process as a draft", description = "The first step of the flow is its start")
    @APIResponse(responseCode = "201", description = "Created; ETag names its revision",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The process"),
            content = @Content(schema = @Schema(implementation = ProcessView.class)))
    @APIResponse(responseCode = "409", description = "The key is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull DraftRequest request) {
        Process process = processes.create(request.command(), caller.get());
        return Revisions.tagged(Response.created(links.uri("processes", process.id)).entity(view(process)),
                process.version);
    }

    @GET
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Processes by key")
    @APIResponse(responseCode = "200", description = "A page of processes")
    public Page<ProcessView> list(@Valid @BeanParam PageRequest page) {
        return processes.all(page).map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "A process with its open draft; the ETag is the revision to send in If-Match")
    @APIResponse(responseCode = "200", description = "The process; ETag names its revision",
            content = @Content(schema = @Schema(implementation = ProcessView.class)))
    public Response get(@PathParam("id") UUID id) {
        Process process = processes.find(id);
        return Revisions.tagged(Response.ok(view(process)), process.version);
    }

    @PUT
    @Path("/{id}/draft")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Replace the open draft", description = "If-Match must name the revision you edited")
    @APIResponse(responseCode = "200", description = "The process; ETag names its revision",
            content = @Content(schema = @Schema(implementation = ProcessView.class)))
    @APIResponse(responseCode = "409", description = "The revision is stale, or there is no open draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match header",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response editDraft(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull DraftRequest request) {
        Process process = processes.editDraft(id, Revisions.required(ifMatch, "GET /processes/{id}"), request.command(),
                caller.get());
        return Revisions.tagged(Response.ok(view(process)), process.version);
    }

    @POST
    @Path("/{id}/refinements")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Open a new draft from the latest published version, with a change summary",
            description = "If-Match, when sent, must name the current revision")
    @APIResponse(responseCode = "200", description = "The process; ETag names its revision",
            content = @Content(schema = @Schema(implementation = ProcessView.class)))
    @APIResponse(responseCode = "409", description = "A draft is already open, nothing is published yet, or a stale "
            + "revision", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Response refine(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull Requests.Refine request) {
        Process process = processes.refine(id, Revisions.expected(ifMatch), request.changeSummary(),
                caller.get());
        return Revisions.tagged(Response.ok(view(process)), process.version);
    }

    @POST
    @Path("/{id}/retirement")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Retire the process: nothing can be edited, published or rolled out afterwards",
            description = "If-Match, when sent, must name the current revision")
    @APIResponse(responseCode = "200", description = "The process; ETag names its revision",
            content = @Content(schema = @Schema(implementation = ProcessView.class)))
    @APIResponse(responseCode = "409", description = "Already retired, or a stale revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retire(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull Requests.Retire request) {
        Process process = processes.retire(id, Revisions.expected(ifMatch), request.reason(), caller.get());
        return Revisions.tagged(Response.ok(view(process)), process.version);
    }

    @POST
    @Path("/{id}/review-requests")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Ask the people involved to discuss the draft",
            description = "Emits ProcessReviewRequested; meeting-service plans the discussion sessions")
    @APIResponse(responseCode = "202", description = "Requested")
    public Response requestReview(@PathParam("id") UUID id, @Valid @NotNull Requests.Review request) {
        processes.requestReview(id, request.command(), caller.get());
        return Response.accepted().build();
    }

    @GET
    @Path("/{id}/feedback")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Feedback from discussion meetings, newest first, with the version its draft becomes")
    @APIResponse(responseCode = "200", description = "A page of feedback")
    public Page<DiscussionFeedbackView> feedback(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return processes.feedback(id, page).map(DiscussionFeedbackView::of);
    }

    @GET
    @Path("/{id}/improvements")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Improvement items from after-action reviews, newest first",
            description = "open=true (the default) lists those no published version has addressed yet")
    @APIResponse(responseCode = "200", description = "A page of improvement items")
    public Page<ImprovementView> improvements(@PathParam("id") UUID id,
            @QueryParam("open") @DefaultValue("true") boolean open, @Valid @BeanParam PageRequest page) {
        return processes.improvements(id, open, page).map(ImprovementView::of);
    }

    private ProcessView view(Process process) {
        return ProcessView.of(process, links.to("processes", process.id));
    }
}
