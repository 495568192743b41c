package work.remote.platform.deadletter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.Problem;

/** The dead letters of this service's event consumers, for ops: every service with a consumer serves this. */
@Path("/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "ops", "admin" })
@Tag(name = "Dead letters")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Only ops and admin see and replay dead letters",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The broker did not answer in time",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    @Inject
    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "Records the consumers could never process: where they came from, why, whether replayed")
    @APIResponse(responseCode = "200", description = "A page of dead letters")
    @APIResponse(responseCode = "400", description = "Invalid page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DeadLetterView> list(@BeanParam @Valid PageRequest request) {
        return deadLetters.list(request);
    }

    @POST
    @Path("/replay")
    @Operation(summary = "Publish every dead letter not replayed yet to its original topic, with its original headers")
    @APIResponse(responseCode = "200", description = "What was replayed")
    public ReplayReport replay() {
        return deadLetters.replay();
    }
}
