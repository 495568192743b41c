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

import work.remote.meeting.ParkingLotItem;
import work.remote.meeting.service.MeetingService;
import work.remote.platform.paging.PageBounds;

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
    public PageView<ParkingLotItemView> list(@QueryParam("subjectId") UUID subjectId,
            @QueryParam("state") ParkingLotItem.State state,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageBounds.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(PageBounds.MAX_SIZE) int size) {
        return PageView.of(meetings.parkingLot(subjectId, state, page, size), ParkingLotItemView::of, page, size);
    }

    @POST
    @Path("/{id}/resolution")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "A host of a meeting on the subject marks a parked proposal discussed or dropped",
            description = "A resolved proposal no longer goes on agendas")
    public ParkingLotItemView resolve(@PathParam("id") UUID id, @Valid @NotNull ResolveParkingLotItemRequest request) {
        return ParkingLotItemView.of(meetings.resolve(id, request.outcome(), request.note(), caller.get()));
    }
}
