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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import work.remote.notification.SlackChannel;
import work.remote.notification.service.SlackChannelService;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.links.Links;
import work.remote.platform.problem.Problem;
import work.remote.platform.revision.Revisions;

/**
 * Slack channels, each bound to an incoming webhook or to the Slack app's bot token and a Slack channel id; a webhook
 * URL or a bot token goes in and never comes out.
 */
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
@APIResponse(responseCode = "409", description = "The name is taken, or the revision is stale",
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
    @APIResponse(responseCode = "200", description = "A page of channels")
    public Page<SlackChannelView> list(
            @BeanParam @Valid PageRequest page) {
        return channels.list(page).map(SlackChannelView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "One Slack channel; the ETag is the revision to send in If-Match")
    @APIResponse(responseCode = "200", description = "The channel; ETag names its revision",
            content = @Content(schema = @Schema(implementation = SlackChannelView.class)))
    public Response get(@PathParam("id") UUID id) {
        return ok(channels.get(id));
    }

    @POST
    @RolesAllowed({ "ops", "admin" })
    @Operation(summary = "Register a Slack channel with its incoming webhook, or the bot token and its Slack channel "
            + "id, and its rate limit")
    @APIResponse(responseCode = "201", description = "Registered; ETag names its revision",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The channel"),
            content = @Content(schema = @Schema(implementation = SlackChannelView.class)))
    public Response register(@Valid @NotNull SlackChannelRequest request) {
        SlackChannel channel = channels.register(request.change());
        return Revisions.tagged(Response.created(links.uri("channels", channel.id))
                .entity(SlackChannelView.of(channel)), channel.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ "ops", "admin" })
    @Operation(summary = "Change a channel's name, webhook or bot token and channel id, or rate limit",
            description = "If-Match must name the revision you edited")
    @APIResponse(responseCode = "200", description = "The channel; ETag names its revision",
            content = @Content(schema = @Schema(implementation = SlackChannelView.class)))
    @APIResponse(responseCode = "428", description = "No If-Match header",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull SlackChannelRequest request) {
        return ok(channels.change(id, Revisions.required(ifMatch, "GET /channels/{id}"), request.change()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ "ops", "admin" })
    @Operation(summary = "Remove a channel; deliveries to it wait, with a clear error, until it is registered again")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("id") UUID id) {
        channels.remove(id);
    }

    private static Response ok(SlackChannel channel) {
        return Revisions.ok(SlackChannelView.of(channel), channel.version);
    }
}
