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

import work.remote.meeting.ParkingLotItem;
import work.remote.meeting.service.MeetingService;
import work.remote.platform.caller.CurrentCaller;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.revision.Revisions;

@Path("/parking-lot")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Parking lot")
@SecurityRequirement(name = "jwt")
public class ParkingLotResource {

    private final MeetingService meetings;
    private final CurrentCaller caller;

    @Inject
    public ParkingLotResource(MeetingService meetings, CurrentCaller caller) {
        this.meetings = meetings;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Parked proposals by subject and state, oldest first")
    public Page<ParkingLotItemView> list(@QueryParam("subjectId") UUID subjectId,
            @QueryParam("state") ParkingLotItem.State state, @BeanParam @Valid PageRequest page) {
        return meetings.parkingLot(subjectId, state, page).map(ParkingLotItemView::of);
    }

    @POST
    @Path("/{id}/resolution")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The host of the meeting it was parked in, the subject's owner or an admin marks a parked "
            + "proposal discussed or dropped",
            description = "A resolved proposal no longer goes on agendas; If-Match, when sent, must name the item's "
                    + "current version")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ParkingLotItemView.class)))
    public Response resolve(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull ResolveParkingLotItemRequest request) {
        ParkingLotItem item = meetings.resolve(id, Revisions.expected(ifMatch), request.command(), caller.get());
        return Revisions.ok(ParkingLotItemView.of(item), item.version);
    }
}
