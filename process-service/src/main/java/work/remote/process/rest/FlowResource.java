package work.remote.process.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import work.remote.platform.problem.Problem;
import work.remote.process.flow.RoleDuties;
import work.remote.process.flow.ValidationReport;
import work.remote.process.service.Flowcharts;
import work.remote.process.service.ProcessService;

/** What a definition says, drawn from it: validation, one role's duties, and the flowchart. */
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
@APIResponse(responseCode = "404", description = "No such process, version or role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FlowResource {

    private final ProcessService processes;
    private final Flowcharts flowcharts;

    @Inject
    public FlowResource(ProcessService processes, Flowcharts flowcharts) {
        this.processes = processes;
        this.flowcharts = flowcharts;
    }

    @GET
    @Path("/validation")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Everything that keeps the open draft from being published, each naming its field or step")
    @APIResponse(responseCode = "200", description = "The validation report; empty when the draft can be published")
    public ValidationReport validation(@PathParam("id") UUID id) {
        return processes.validation(id);
    }

    @GET
    @Path("/duties/{role}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "What one role does: its steps in flow order, hand-offs in and out, key points to check",
            description = "From the given version; without one from the open draft, else the latest version")
    @APIResponse(responseCode = "200", description = "The role's duties")
    public RoleDuties duties(@PathParam("id") UUID id, @PathParam("role") String role,
            @QueryParam("version") @Min(1) Integer version) {
        return RoleDuties.of(processes.definition(id, version), role);
    }

    @GET
    @Path("/flowchart.mmd")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The flowchart as Mermaid text: a lane per role, key points marked",
            description = "From the given version; without one from the open draft, else the latest version. The "
                    + "ETag names the text: send it in If-None-Match to get 304 while it is unchanged")
    @APIResponse(responseCode = "200", description = "The chart; ETag names it",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "The chart is the one If-None-Match names")
    public Response mermaid(@PathParam("id") UUID id, @QueryParam("version") @Min(1) Integer version,
            @Context Request request) {
        return answer(flowcharts.chart(id, version, Flowcharts.Format.MERMAID), request);
    }

    @GET
    @Path("/flowchart.svg")
    @Produces("image/svg+xml")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The flowchart as an SVG picture: a colour per role, key points in red",
            description = "From the given version; without one from the open draft, else the latest version. The "
                    + "ETag names the picture: send it in If-None-Match to get 304 while it is unchanged")
    @APIResponse(responseCode = "200", description = "The chart; ETag names it",
            content = @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "The chart is the one If-None-Match names")
    public Response svg(@PathParam("id") UUID id, @QueryParam("version") @Min(1) Integer version,
            @Context Request request) {
        return answer(flowcharts.chart(id, version, Flowcharts.Format.SVG), request);
    }

    /** The chart with its ETag, or 304 when the request's If-None-Match names it. */
    private static Response answer(Flowcharts.Chart chart, Request request) {
        EntityTag tag = new EntityTag(chart.tag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return (notModified != null ? notModified : Response.ok(chart.text())).tag(tag).build();
    }
}
