package work.remote.notification.rest;

import java.io.IOException;
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

import com.fasterxml.jackson.databind.JsonNode;

import work.remote.events.EventJson;
import work.remote.events.notification.Channel;
import work.remote.notification.PlannedTarget;
import work.remote.notification.Route;
import work.remote.notification.service.DeliveryPreview;
import work.remote.notification.service.RouteService;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.links.Links;
import work.remote.platform.problem.Problem;
import work.remote.platform.revision.Revisions;

@Path("/routes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Routes")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid input; violations name each field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "404", description = "No such route",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "The name is taken, or the revision is stale",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RouteResource {

    private final RouteService routes;
    private final DeliveryPreview preview;
    private final Links links;

    @Inject
    public RouteResource(RouteService routes, DeliveryPreview preview, Links links) {
        this.routes = routes;
        this.preview = preview;
        this.links = links;
    }

    @GET
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "Every route, by name")
    @APIResponse(responseCode = "200", description = "A page of routes")
    public Page<RouteView> list(
            @BeanParam @Valid PageRequest page) {
        return routes.list(page).map(RouteView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "product", "cs-lead", "cs-agent", "ops", "admin" })
    @Operation(summary = "One route; the ETag is the revision to send in If-Match")
    @APIResponse(responseCode = "200", description = "The route; ETag names its revision",
            content = @Content(schema = @Schema(implementation = RouteView.class)))
    public Response get(@PathParam("id") UUID id) {
        return ok(routes.get(id));
    }

    @POST
    @RolesAllowed({ "ops", "admin" })
    @Operation(summary = "Create a route; one that could send critical issues to no Slack channel is refused")
    @APIResponse(responseCode = "201", description = "Created; ETag names its revision",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The route"),
            content = @Content(schema = @Schema(implementation = RouteView.class)))
    @APIResponse(responseCode = "422", description = "Critical issues would reach no Slack channel",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull RouteRequest request) {
        Route route = routes.create(request.definition());
        return Revisions.tagged(Response.created(links.uri("routes", route.id)).entity(RouteView.of(route)),
                route.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ "ops", "admin" })
    @Operation(summary = "Change a route", description = "If-Match must name the revision you edited")
    @APIResponse(responseCode = "200", description = "The route; ETag names its revision",
            content = @Content(schema = @Schema(implementation = RouteView.class)))
    @APIResponse(responseCode = "422", description = "Critical issues would reach no Slack channel",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match header",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response change(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull RouteRequest request) {
        return ok(routes.change(id, Revisions.required(ifMatch, "GET /routes/{id}"), request.definition()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ "ops", "admin" })
    @Operation(summary = "Remove a route")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("id") UUID id) {
        routes.remove(id);
    }

    @POST
    @Path("/dry-run")
    @RolesAllowed({ "ops", "admin" })
    @Operation(summary = "Which targets an event would reach, with what message; nothing is stored or sent")
    @APIResponse(responseCode = "200", description = "The targets and their messages")
    public DryRunView dryRun(@Valid @NotNull DryRunRequest request) {
        DeliveryPreview.Preview result = preview.of(request.ceType(), request.data());
        return new DryRunView(request.ceType(), result.targets().stream().map(checked -> {
            PlannedTarget target = checked.planned();
            return new DryRunView.Message(target.channel(), target.target(), target.route(), result.message().title(),
                    target.channel() == Channel.SLACK ? slackJson(result.message().slackBlocks()) : null,
                    target.channel() == Channel.EMAIL ? result.message().emailText() : null,
                    target.channel() == Channel.EMAIL ? result.message().emailHtml() : null,
                    checked.refusal().orElse(null));
        }).toList());
    }

    private static Response ok(Route route) {
        return Revisions.ok(RouteView.of(route), route.version);
    }

    private static JsonNode slackJson(String blocks) {
        try {
            return EventJson.mapper().readTree(blocks);
        } catch (IOException e) {
            throw new IllegalStateException("A Slack template rendered invalid JSON", e);
        }
    }
}
