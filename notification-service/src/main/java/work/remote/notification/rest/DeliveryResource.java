package work.remote.notification.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import work.remote.events.notification.Channel;
import work.remote.notification.Delivery;
import work.remote.notification.service.DeliveryLog;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.Problem;

@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid query; violations name each parameter",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class DeliveryResource {

    private final DeliveryLog log;

    @Inject
    public DeliveryResource(DeliveryLog log) {
        this.log = log;
    }

    @GET
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "The delivery log, newest first, filtered by event, ticket, launch, state, channel or target")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    public Page<DeliveryView> list(@QueryParam("ceId") String ceId, @QueryParam("ceType") String ceType,
            @QueryParam("subject") String subject, @QueryParam("ticketId") UUID ticketId,
            @QueryParam("launchId") UUID launchId, @QueryParam("state") Delivery.State state,
            @QueryParam("channel") Channel channel, @QueryParam("target") String target,
            @BeanParam @Valid PageRequest page) {
        DeliveryLog.Filter filter = new DeliveryLog.Filter(ceId, ceType, subject, ticketId, launchId, state, channel,
                target);
        return log.find(filter, page).map(DeliveryView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "One delivery, with its attempts and last error")
    @APIResponse(responseCode = "404", description = "No such delivery",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The delivery")
    public DeliveryView get(@PathParam("id") UUID id) {
        return DeliveryView.of(log.get(id));
    }

    @POST
    @Path("/{id}/replay")
    @RolesAllowed({ "ops", "admin" })
    @Operation(summary = "Give a dead delivery a fresh round of attempts")
    @APIResponse(responseCode = "403", description = "Only ops and admin replay",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The delivery is not dead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The delivery, pending again")
    public DeliveryView replay(@PathParam("id") UUID id) {
        return DeliveryView.of(log.replay(id));
    }
}
