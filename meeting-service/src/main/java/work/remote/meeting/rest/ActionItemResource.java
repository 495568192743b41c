package work.remote.meeting.rest;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import work.remote.meeting.ActionItem;
import work.remote.meeting.service.ReviewService;
import work.remote.platform.caller.CurrentCaller;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.revision.Revisions;

@Path("/action-items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Action items")
@SecurityRequirement(name = "jwt")
public class ActionItemResource {

    private final ReviewService reviews;
    private final CurrentCaller caller;

    @Inject
    public ActionItemResource(ReviewService reviews, CurrentCaller caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Action items of after-action reviews by owner, meeting and state, earliest due first")
    public Page<ActionItemView> list(@QueryParam("owner") String owner, @QueryParam("meetingId") UUID meetingId,
            @QueryParam("state") ActionItem.State state, @BeanParam @Valid PageRequest page) {
        return reviews.actionItems(owner, meetingId, state, page).map(ActionItemView::of);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The owner or the facilitator marks an item DONE, or DROPPED with a reason",
            description = "If-Match, when sent, must name the item's current version")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ActionItemView.class)))
    public Response transition(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull ActionItemTransitionRequest request) {
        ActionItem item = reviews.close(id, Revisions.expected(ifMatch), request.command(), caller.get());
        return Revisions.ok(ActionItemView.of(item), item.version);
    }
}
