package work.remote.process.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import work.remote.process.AdoptionFeedback;
import work.remote.process.Checklist;
import work.remote.process.Rollout;
import work.remote.process.service.RolloutService;

/** Rolling a process's published version out, and its rollouts so far. */
@Path("/processes/{id}/rollouts")
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
public class ProcessRolloutResource {

    private final RolloutService rollouts;
    private final CurrentCaller caller;
    private final Links links;

    @Inject
    public ProcessRolloutResource(RolloutService rollouts, CurrentCaller caller, Links links) {
        this.rollouts = rollouts;
        this.caller = caller;
        this.links = links;
    }

    @POST
    @RolesAllowed({ "product", "admin" })
    @Operation(summary = "Roll a published version out: every participant gets the checklist of their role",
            description = "On followUpAt (14 days after the start unless given) whoever has not given adoption "
                    + "feedback is asked for it, once (AdoptionFeedbackRequested)")
    @APIResponse(responseCode = "201", description = "Started",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The rollout"),
            content = @Content(schema = @Schema(implementation = RolloutView.class)))
    public Response startRollout(@PathParam("id") UUID id, @Valid @NotNull Requests.StartRollout request) {
        Rollout rollout = rollouts.start(id, request.command(), caller.get());
        return Response.created(links.uri("rollouts", rollout.id))
                .entity(RolloutView.of(rollout, rollouts.checklists(rollout.id), List.of(), links))
                .build();
    }

    @GET
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Rollouts of the process, newest first, with their progress")
    @APIResponse(responseCode = "200", description = "A page of rollouts")
    public Page<RolloutView> rollouts(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        Page<Rollout> found = rollouts.ofProcess(id, page);
        List<UUID> ids = found.items().stream().map(rollout -> rollout.id).toList();
        Map<UUID, List<Checklist>> checklists = rollouts.checklists(ids);
        Map<UUID, List<AdoptionFeedback>> feedback = rollouts.adoptionFeedback(ids);
        return found.map(rollout -> RolloutView.of(rollout, checklists.getOrDefault(rollout.id, List.of()),
                feedback.getOrDefault(rollout.id, List.of()), links));
    }
}
