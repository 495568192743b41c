package work.remote.process.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import work.remote.process.ProcessVersion;
import work.remote.process.flow.DefinitionDiff;
import work.remote.process.service.ProcessService;

/** The published versions of a process: publishing the open draft, reading versions, comparing two. */
@Path("/processes/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Processes")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid input; violations name each field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token lacks a role allowed here",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such process or version",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class VersionResource {

    private final ProcessService processes;
    private final CurrentCaller caller;
    private final Links links;

    @Inject
    public VersionResource(ProcessService processes, CurrentCaller caller, Links links) {
        this.processes = processes;
        this.caller = caller;
        this.links = links;
    }

    @POST
    @Path("/versions")
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Publish the open draft as the next immutable version",
            description = "Refused while the validation report is not clean, or until the draft's latest rehearsal "
                    + "was recorded after its last edit, walked every step and has every finding resolved or waived "
                    + "(an admin may publish without one, giving withoutRehearsalReason). If-Match, when sent, must "
                    + "name the current revision")
    @APIResponse(responseCode = "201", description = "Published",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The version"),
            content = @Content(schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "403", description = "A withoutRehearsalReason from someone who is not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Validation problems (as violations); no self-rehearsal that "
            + "clears the draft (type never-rehearsed, rehearsed-before-last-edit, rehearsal-steps-not-walked or "
            + "rehearsal-findings-open, violations naming each step not walked and each open finding); no open draft; "
            + "or a stale revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull Requests.Publish request) {
        ProcessVersion version = processes.publish(id, Revisions.expected(ifMatch), request.command(),
                caller.get());
        return Response.created(links.uri("processes", id, "versions", version.number))
                .entity(VersionView.of(version)).build();
    }

    @GET
    @Path("/versions")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Published versions, oldest first")
    @APIResponse(responseCode = "200", description = "A page of versions")
    public Page<VersionView> versions(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return processes.versions(id, page).map(VersionView::of);
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "One published version")
    @APIResponse(responseCode = "200", description = "The version")
    public VersionView version(@PathParam("id") UUID id, @PathParam("version") int version) {
        return VersionView.of(processes.version(id, version));
    }

    @GET
    @Path("/diff")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "What changed from one published version to another: outline, steps, roles, key points")
    @APIResponse(responseCode = "200", description = "The differences")
    public DefinitionDiff diff(@PathParam("id") UUID id, @QueryParam("from") @NotNull @Min(1) Integer from,
            @QueryParam("to") @NotNull @Min(1) Integer to) {
        return processes.diff(id, from, to);
    }
}
