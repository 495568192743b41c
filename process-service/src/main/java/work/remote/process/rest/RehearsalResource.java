package work.remote.process.rest;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import work.remote.process.Rehearsal;
import work.remote.process.service.RehearsalService;

/** Dry runs of a draft's flow and their findings, which must be resolved or waived before publishing. */
@Path("/processes/{id}/rehearsals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Processes")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid input; violations name each field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token lacks a role allowed here",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such process or rehearsal",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RehearsalResource {

    private final RehearsalService rehearsals;
    private final CurrentCaller caller;
    private final Links links;

    @Inject
    public RehearsalResource(RehearsalService rehearsals, CurrentCaller caller, Links links) {
        this.rehearsals = rehearsals;
        this.caller = caller;
        this.links = links;
    }

    @POST
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Record a dry run of the draft's flow", description = "Steps with a problem are findings. "
            + "The draft can be published once its latest rehearsal, recorded after its last edit, walked every step "
            + "and has every finding resolved or waived")
    @APIResponse(responseCode = "201", description = "Recorded; ETag names its revision",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The rehearsal"),
            content = @Content(schema = @Schema(implementation = RehearsalView.class)))
    public Response rehearse(@PathParam("id") UUID id, @Valid @NotNull Requests.Rehearse request) {
        Rehearsal rehearsal = rehearsals.rehearse(id, request.command(), caller.get());
        return tagged(Response.created(links.uri("processes", id, "rehearsals", rehearsal.id)), rehearsal);
    }

    @GET
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Rehearsals, newest first")
    @APIResponse(responseCode = "200", description = "A page of rehearsals")
    public Page<RehearsalView> rehearsals(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return rehearsals.ofProcess(id, page).map(RehearsalView::of);
    }

    @GET
    @Path("/{rehearsalId}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "One rehearsal; the ETag is the revision to send in If-Match")
    @APIResponse(responseCode = "200", description = "The rehearsal; ETag names its revision",
            content = @Content(schema = @Schema(implementation = RehearsalView.class)))
    public Response rehearsal(@PathParam("id") UUID id, @PathParam("rehearsalId") UUID rehearsalId) {
        return tagged(Response.ok(), rehearsals.get(id, rehearsalId));
    }

    @POST
    @Path("/{rehearsalId}/steps/{index}/resolution")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Resolve the finding at a walked step (its index in the rehearsal)",
            description = "If-Match, when sent, must name the current revision")
    @APIResponse(responseCode = "200", description = "The rehearsal; ETag names its revision",
            content = @Content(schema = @Schema(implementation = RehearsalView.class)))
    @APIResponse(responseCode = "409", description = "A stale revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response resolve(@PathParam("id") UUID id, @PathParam("rehearsalId") UUID rehearsalId,
            @PathParam("index") int index, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull Requests.Resolve request) {
        return tagged(Response.ok(), rehearsals.resolveFinding(id, rehearsalId, Revisions.expected(ifMatch),
                index, request.resolution(), caller.get()));
    }

    @POST
    @Path("/{rehearsalId}/waiver")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Waive a rehearsal's unresolved findings, with a reason",
            description = "If-Match, when sent, must name the current revision")
    @APIResponse(responseCode = "200", description = "The rehearsal; ETag names its revision",
            content = @Content(schema = @Schema(implementation = RehearsalView.class)))
    @APIResponse(responseCode = "409", description = "A stale revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response waive(@PathParam("id") UUID id, @PathParam("rehearsalId") UUID rehearsalId,
            @HeaderParam(Revisions.IF_MATCH) String ifMatch, @Valid @NotNull Requests.Waive request) {
        return tagged(Response.ok(), rehearsals.waive(id, rehearsalId, Revisions.expected(ifMatch),
                request.reason(), caller.get()));
    }

    private static Response tagged(Response.ResponseBuilder response, Rehearsal rehearsal) {
        return Revisions.tagged(response.entity(RehearsalView.of(rehearsal)), rehearsal.version);
    }
}
