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

import work.remote.meeting.Relay;
import work.remote.meeting.service.RelayService;
import work.remote.platform.caller.CurrentCaller;
import work.remote.platform.links.Links;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.revision.Revisions;

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
    public Page<RelayView> list(@QueryParam("supervisor") String supervisor,
            @QueryParam("meetingId") UUID meetingId, @QueryParam("open") Boolean open,
            @BeanParam @Valid PageRequest page) {
        return relays.find(supervisor, meetingId, open, page).map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "A relay task")
    @APIResponse(responseCode = "200", description = "The relay; its ETag is the version to send in If-Match",
            headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = RelayView.class)))
    public Response get(@PathParam("id") UUID id) {
        return tagged(relays.find(id));
    }

    @POST
    @Path("/{id}/acknowledgement")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The supervisor, and nobody else, confirms the content was relayed",
            description = "Announced with RelayAcknowledged; If-Match, when sent, must name the relay's current version")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = RelayView.class)))
    public Response acknowledge(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull AcknowledgeRelayRequest request) {
        return tagged(relays.acknowledge(id, Revisions.expected(ifMatch), request.note(), caller.get()));
    }

    private Response tagged(Relay relay) {
        return Revisions.ok(view(relay), relay.version);
    }

    private RelayView view(Relay relay) {
        return RelayView.of(relay, links.to("relays", relay.id));
    }
}
