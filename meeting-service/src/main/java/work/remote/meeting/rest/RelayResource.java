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

import work.remote.meeting.Relay;
import work.remote.meeting.service.Links;
import work.remote.meeting.service.RelayService;
import work.remote.platform.paging.PageBounds;

@Path("/relays")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Relays")
@SecurityRequirement(name = "jwt")
public class RelayResource {

    private final RelayService relays;
    private final CurrentCaller caller;
    private final Links links;

    @Inject
    public RelayResource(RelayService relays, CurrentCaller caller, Links links) {
        this.relays = relays;
        this.caller = caller;
        this.links = links;
    }

    @GET
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Relays per supervisor and per meeting; open=true for those still to acknowledge")
    public PageView<RelayView> list(@QueryParam("supervisor") String supervisor,
            @QueryParam("meetingId") UUID meetingId, @QueryParam("open") Boolean open,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageBounds.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(PageBounds.MAX_SIZE) int size) {
        return PageView.of(relays.find(supervisor, meetingId, open, page, size), this::view, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "A relay task")
    public RelayView get(@PathParam("id") UUID id) {
        return view(relays.find(id));
    }

    @POST
    @Path("/{id}/acknowledgement")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The supervisor, and nobody else, confirms the content was relayed",
            description = "Announced with RelayAcknowledged")
    public RelayView acknowledge(@PathParam("id") UUID id, @Valid @NotNull AcknowledgeRelayRequest request) {
        return view(relays.acknowledge(id, caller.get().name(), request.note()));
    }

    private RelayView view(Relay relay) {
        return RelayView.of(relay, links.relay(relay.id));
    }
}
