package work.remote.meeting.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import work.remote.meeting.ActionItem;
import work.remote.meeting.service.ReviewService;
import work.remote.platform.paging.PageBounds;

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
    public PageView<ActionItemView> list(@QueryParam("owner") String owner, @QueryParam("meetingId") UUID meetingId,
            @QueryParam("state") ActionItem.State state,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageBounds.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(PageBounds.MAX_SIZE) int size) {
        return PageView.of(reviews.actionItems(owner, meetingId, state, page, size), ActionItemView::of, page, size);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The owner or the facilitator marks an item DONE, or DROPPED with a reason")
    public ActionItemView transition(@PathParam("id") UUID id, @Valid @NotNull ActionItemTransitionRequest request) {
        return ActionItemView.of(reviews.close(id, request.to(), request.reason(), caller.get()));
    }
}
