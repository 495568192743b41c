package work.remote.notification.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import work.remote.notification.Versions;
import work.remote.notification.SlackChannel;
import work.remote.notification.service.SlackChannelService;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.links.Links;
import work.remote.platform.problem.Problem;

/** Slack channels and their webhooks; a webhook URL goes in and never comes out. */
@Path("/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Channels")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid input; violations name each field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "404", description = "No such channel",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "The name is taken, or the channel changed in the meantime",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ChannelResource {

    private final SlackChannelService channels;
    private final Links links;

    @Inject
    public ChannelResource(SlackChannelService channels, Links links) {
        this.channels = channels;
        this.links = links;
    }

    @GET
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Every registered Slack channel, by name")
    public Page<SlackChannelView> list(
            @BeanParam @Valid PageRequest page) {
        return channels.list(page).map(SlackChannelView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "One Slack channel")
    public SlackChannelView get(@PathParam("id") UUID id) {
        return SlackChannelView.of(channels.get(id));
    }

    @POST
    @RolesAllowed({ "ops", "admin" })
    @Operation(summary = "Register a Slack channel with its incoming webhook and rate limit")
    @APIResponse(responseCode = "201", description = "Registered")
    public Response register(@Valid @NotNull SlackChannelRequest request) {
        SlackChannel channel = channels.register(request.change());
        return Response.created(links.uri("channels", channel.id)).entity(SlackChannelView.of(channel)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ "ops", "admin" })
    @Operation(summary = "Change a channel's name, webhook or rate limit, naming the version the change was made against")
    public SlackChannelView change(@PathParam("id") UUID id, @Valid @NotNull SlackChannelRequest request) {
        return SlackChannelView.of(channels.change(id, Versions.given(request.version()), request.change()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ "ops", "admin" })
    @Operation(summary = "Remove a channel; deliveries to it wait, with a clear error, until it is registered again")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("id") UUID id) {
        channels.remove(id);
    }
}
