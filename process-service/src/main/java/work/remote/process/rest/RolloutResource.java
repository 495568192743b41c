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
import work.remote.process.Checklist;
import work.remote.process.Rollout;
import work.remote.process.service.RolloutService;

/** A rollout, its participants' checklists and how the process works for them. */
@Path("/rollouts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rollouts")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid input; violations name each field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token lacks a role allowed here, or it is someone else's checklist",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such rollout, checklist or line",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RolloutResource {

    private final RolloutService rollouts;
    private final CurrentCaller caller;
    private final Links links;

    @Inject
    public RolloutResource(RolloutService rollouts, CurrentCaller caller, Links links) {
        this.rollouts = rollouts;
        this.caller = caller;
        this.links = links;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "A rollout with progress per person and per key point, who gave adoption feedback and who "
            + "was asked for it when")
    @APIResponse(responseCode = "200", description = "The rollout")
    public RolloutView get(@PathParam("id") UUID id) {
        Rollout rollout = rollouts.get(id);
        return RolloutView.of(rollout, rollouts.checklists(id), rollouts.adoptionFeedback(id), links);
    }

    @GET
    @Path("/{id}/checklists")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The checklists you may see, by person: all for an admin, else your own and those of people you "
            + "supervise")
    @APIResponse(responseCode = "200", description = "A page of checklists")
    public Page<ChecklistView> checklists(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return rollouts.checklistsVisibleTo(id, caller.get(), page).map(ChecklistView::of);
    }

    @GET
    @Path("/{id}/checklists/{person}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "A participant's checklist: visible to them, their supervisor and admins",
            description = "The ETag is the revision to send in If-Match")
    @APIResponse(responseCode = "200", description = "The checklist; ETag names its revision",
            content = @Content(schema = @Schema(implementation = ChecklistView.class)))
    public Response checklist(@PathParam("id") UUID id, @PathParam("person") String person) {
        return tagged(rollouts.checklist(id, person, caller.get()));
    }

    @POST
    @Path("/{id}/checklists/{person}/lines/{index}/tick")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Tick a line of your own checklist", description = "Ticking the last line completes the "
            + "checklist and emits ChecklistCompleted; nobody can tick someone else's checklist. If-Match, when "
            + "sent, must name the current revision")
    @APIResponse(responseCode = "200", description = "The checklist; ETag names its revision",
            content = @Content(schema = @Schema(implementation = ChecklistView.class)))
    @APIResponse(responseCode = "409", description = "A stale revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response tick(@PathParam("id") UUID id, @PathParam("person") String person,
            @PathParam("index") int index, @HeaderParam(Revisions.IF_MATCH) String ifMatch) {
        return tagged(rollouts.tick(id, person, Revisions.expected(ifMatch), index, caller.get()));
    }

    @POST
    @Path("/{id}/adoption-feedback")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Say how the process works for you (participants only, once)")
    @APIResponse(responseCode = "201", description = "Recorded; the body is the rollout's adoption summary",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The rollout's adoption feedback"),
            content = @Content(schema = @Schema(implementation = AdoptionSummary.class)))
    @APIResponse(responseCode = "409", description = "You already answered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response giveFeedback(@PathParam("id") UUID id, @Valid @NotNull Requests.Adoption request) {
        rollouts.giveFeedback(id, request.command(), caller.get());
        return Response.created(links.uri("rollouts", id, "adoption-feedback")).entity(adoption(id)).build();
    }

    @GET
    @Path("/{id}/adoption-feedback")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "How the process works for the participants: ratings, problems, suggestions")
    @APIResponse(responseCode = "200", description = "The adoption summary")
    public AdoptionSummary adoption(@PathParam("id") UUID id) {
        return AdoptionSummary.of(id, rollouts.checklists(id), rollouts.adoptionFeedback(id));
    }

    private static Response tagged(Checklist checklist) {
        return Revisions.tagged(Response.ok(ChecklistView.of(checklist)), checklist.version);
    }
}
