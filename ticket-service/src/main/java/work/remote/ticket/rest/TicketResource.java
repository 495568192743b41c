package work.remote.ticket.rest;

import java.time.Clock;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.jboss.resteasy.reactive.RestResponse;

import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketType;
import work.remote.platform.caller.CurrentCaller;
import work.remote.platform.links.Links;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.Problem;
import work.remote.platform.revision.Revisions;
import work.remote.ticket.Ticket;
import work.remote.ticket.TicketComment;
import work.remote.ticket.TicketState;
import work.remote.ticket.service.TicketSearch;
import work.remote.ticket.service.TicketService;

@Path("/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "400", description = "Invalid input; violations name each field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token lacks a role allowed here",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TicketResource {

    private final TicketService tickets;
    private final TicketSearch search;
    private final CurrentCaller caller;
    private final Links links;
    private final Clock clock;

    @Inject
    public TicketResource(TicketService tickets, TicketSearch search, CurrentCaller caller, Links links, Clock clock) {
        this.tickets = tickets;
        this.search = search;
        this.caller = caller;
        this.links = links;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({ "cs-agent", "cs-lead", "product", "admin" })
    @Operation(summary = "Report a ticket", description = "An impact on users' funds makes it CRITICAL with a "
            + "deadline (3 hours by default) and announces it at once")
    @APIResponse(responseCode = "201", description = "Stored",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The ticket"),
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    public RestResponse<TicketView> report(@Valid @NotNull CreateTicketRequest request) {
        Ticket ticket = tickets.report(request.command(), caller.get());
        return RestResponse.ResponseBuilder.<TicketView>created(links.uri("tickets", ticket.id)).entity(view(ticket))
                .build();
    }

    @GET
    @RolesAllowed({ "cs-agent", "cs-lead", "product", "ops", "admin" })
    @Operation(summary = "Tickets, newest first, filtered by launch, parent, type, severity, state, deadline standing "
            + "or whether they are resolved")
    @APIResponse(responseCode = "200", description = "A page of tickets")
    public Page<TicketView> list(@QueryParam("launchId") UUID launchId, @QueryParam("parentId") UUID parentId,
            @QueryParam("type") TicketType type, @QueryParam("severity") Severity severity,
            @QueryParam("state") TicketState state, @QueryParam("sla") TicketSearch.SlaStanding sla,
            @QueryParam("resolved") @Pattern(regexp = "true|false", message = "is true or false") String resolved,
            @BeanParam @Valid PageRequest page) {
        TicketSearch.Filter filter = new TicketSearch.Filter(launchId, parentId, type, severity, state, sla,
                resolved == null ? null : Boolean.valueOf(resolved));
        return search.find(filter, page).map(this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "cs-agent", "cs-lead", "product", "ops", "admin" })
    @Operation(summary = "A ticket, with the time left until its deadline")
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The ticket; ETag names its revision",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    public Response get(@PathParam("id") UUID id) {
        Ticket ticket = tickets.find(id);
        return Revisions.ok(view(ticket), ticket.version);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({ "cs-agent", "cs-lead", "product", "admin" })
    @Operation(summary = "Move a ticket along its workflow", description = "OPEN → TRIAGED → IN_PROGRESS → RESOLVED → "
            + "CLOSED; RESOLVED or CLOSED → REOPENED → IN_PROGRESS. Resolving stops the deadline clock.")
    @APIResponse(responseCode = "409", description = "Not allowed from the ticket's state; names the allowed ones",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The ticket in its new state")
    public TicketView transition(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        return view(tickets.transition(id, request.command(), caller.get()));
    }

    @POST
    @Path("/{id}/acknowledgement")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ "cs-agent", "cs-lead", "product", "admin" })
    @Operation(summary = "Take the ticket on", description = "Moves it to IN_PROGRESS (through TRIAGED when it is "
            + "OPEN; from REOPENED directly) with the caller as assignee. The same person again changes nothing.")
    @APIResponse(responseCode = "200", description = "Acknowledged (now or before, by the caller); ETag names its "
            + "revision", content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = "Someone else acknowledged it (named), or it is resolved or closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response acknowledge(@PathParam("id") UUID id) {
        Ticket ticket = tickets.acknowledge(id, caller.get()).ticket();
        return Revisions.ok(view(ticket), ticket.version);
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({ "cs-agent", "cs-lead", "product", "ops", "admin" })
    @Operation(summary = "Everything that happened to a ticket: who, when, what; oldest first")
    @APIResponse(responseCode = "200", description = "A page of the timeline")
    public Page<ChangeView> timeline(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return tickets.timeline(id, page).map(ChangeView::of);
    }

    @POST
    @Path("/{id}/comments")
    @RolesAllowed({ "cs-agent", "cs-lead", "product", "ops", "admin" })
    @Operation(summary = "Comment on a ticket; the comment also shows in its timeline")
    @APIResponse(responseCode = "201", description = "Added",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The comment"),
            content = @Content(schema = @Schema(implementation = CommentView.class)))
    public Response comment(@PathParam("id") UUID id, @Valid @NotNull CommentRequest request) {
        TicketComment comment = tickets.comment(id, request.body(), caller.get());
        return Response.created(links.uri("tickets", id, "comments", comment.id)).entity(CommentView.of(comment))
                .build();
    }

    @GET
    @Path("/{id}/comments")
    @RolesAllowed({ "cs-agent", "cs-lead", "product", "ops", "admin" })
    @Operation(summary = "A ticket's comments, oldest first")
    @APIResponse(responseCode = "200", description = "A page of comments")
    public Page<CommentView> comments(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return tickets.comments(id, page).map(CommentView::of);
    }

    @PUT
    @Path("/{id}/assignee")
    @RolesAllowed({ "cs-lead", "product", "admin" })
    @Operation(summary = "Give the ticket to someone, or to nobody with a null assignee",
            description = "If-Match, when sent, must name the ticket's current revision (its ETag)")
    @APIResponse(responseCode = "200", description = "Assigned; ETag names the ticket's new revision",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = "If-Match names a stale revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response assign(@PathParam("id") UUID id, @HeaderParam(Revisions.IF_MATCH) String ifMatch,
            @Valid @NotNull AssignRequest request) {
        Ticket ticket = tickets.assign(id, request.assignee(), Revisions.expected(ifMatch), caller.get());
        return Revisions.ok(view(ticket), ticket.version);
    }

    private TicketView view(Ticket ticket) {
        return TicketView.of(ticket, clock.instant(), tickets.linkTo(ticket));
    }
}
