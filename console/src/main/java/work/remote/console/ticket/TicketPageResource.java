package work.remote.console.ticket;

import static work.remote.console.form.FormValues.ifMatch;
import static work.remote.console.form.FormValues.text;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import work.remote.console.client.ticket.api.TicketsApi;
import work.remote.console.client.ticket.model.AssignRequest;
import work.remote.console.client.ticket.model.PageChangeViewItemsInner;
import work.remote.console.client.ticket.model.CommentRequest;
import work.remote.console.client.ticket.model.TicketResourceComment201Response;
import work.remote.console.client.ticket.model.CreateTicketRequest;
import work.remote.console.client.ticket.model.TicketType;
import work.remote.console.client.ticket.model.TicketResourceReport201Response;
import work.remote.console.client.ticket.model.TransitionRequest;
import work.remote.console.problem.Problem;
import work.remote.console.problem.ServiceProblem;
import work.remote.console.signin.SignedIn;
import work.remote.console.signin.Viewer;

/** A ticket: its timeline, comments, assignee and the moves the viewer may make; and the form to report one. */
@Path("/tickets")
public class TicketPageResource {

    static final String TICKET_SERVICE = "ticket-service";
    private static final int PAGE = 200;

    /** The workflow as ticket-service runs it: the states a ticket may move to from each. */
    static final Map<String, List<String>> NEXT = Map.of(
            "OPEN", List.of("TRIAGED"),
            "TRIAGED", List.of("IN_PROGRESS"),
            "IN_PROGRESS", List.of("RESOLVED"),
            "RESOLVED", List.of("CLOSED", "REOPENED"),
            "CLOSED", List.of("REOPENED"),
            "REOPENED", List.of("IN_PROGRESS"));

    /** The report form as the viewer filled it in. */
    public record Report(String title, String description, String type, String impact, String impactDetail,
            String affectedUsers, String parentId, String links) {

        static Report empty(String parentId) {
            return new Report("", "", "", "", "", "", parentId == null ? "" : parentId, "");
        }
    }

    public record TicketPage(TicketResourceReport201Response ticket, List<PageChangeViewItemsInner> timeline,
            List<TicketResourceComment201Response> comments, List<String> transitions) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(Viewer viewer, Report report, List<String> types, List<String> impacts,
                Problem problem);

        static native TemplateInstance ticket(Viewer viewer, TicketPage page, Problem problem, String form);
    }

    private final TicketsApi tickets;
    private final SignedIn signedIn;

    public TicketPageResource(@RestClient TicketsApi tickets, SignedIn signedIn) {
        this.tickets = tickets;
        this.signedIn = signedIn;
    }

    @GET
    @Path("/new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance reportForm(@QueryParam("parentId") String parentId) {
        return Templates.report(signedIn.get(), Report.empty(parentId), names(TicketType.values()),
                names(CreateTicketRequest.ImpactEnum.values()), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response report(@RestForm String title, @RestForm String description, @RestForm String type,
            @RestForm String impact, @RestForm String impactDetail, @RestForm String affectedUsers,
            @RestForm String parentId, @RestForm String links) {
        Report report = new Report(text(title), text(description), text(type), text(impact), text(impactDetail),
                text(affectedUsers), text(parentId), text(links));
        Map<String, List<String>> ownProblems = new LinkedHashMap<>();
        CreateTicketRequest request = new CreateTicketRequest();
        request.setTitle(report.title());
        request.setDescription(blankToNull(report.description()));
        request.setType(Arrays.stream(TicketType.values()).filter(value -> value.name().equals(type)).findFirst()
                .orElse(null));
        request.setImpact(Arrays.stream(CreateTicketRequest.ImpactEnum.values())
                .filter(value -> value.name().equals(impact)).findFirst().orElse(null));
        request.setImpactDetail(blankToNull(report.impactDetail()));
        if (!report.affectedUsers().isBlank()) {
            try {
                request.setAffectedUsers(Integer.valueOf(report.affectedUsers().strip()));
            } catch (NumberFormatException e) {
                ownProblems.put("affectedUsers", List.of("must be a whole number, e.g. 1"));
            }
        }
        if (!report.parentId().isBlank()) {
            try {
                request.setParentId(UUID.fromString(report.parentId().strip()));
            } catch (IllegalArgumentException e) {
                ownProblems.put("parentId", List.of("must be a ticket id, e.g. 3f2a6c1e-…"));
            }
        }
        request.setLinks(report.links().lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
        if (!ownProblems.isEmpty()) {
            return refused(report, new Problem("The ticket was not reported: some fields cannot be sent as they are.",
                    ownProblems));
        }
        try {
            TicketResourceReport201Response created = ServiceProblem.call(TICKET_SERVICE,
                    () -> tickets.ticketResourceReport(request));
            return Response.seeOther(URI.create("/tickets/" + created.getId())).build();
        } catch (ServiceProblem e) {
            return refused(report, e.problem());
        }
    }

    private Response refused(Report report, Problem problem) {
        return Response.status(422).entity(Templates.report(signedIn.get(), report, names(TicketType.values()),
                names(CreateTicketRequest.ImpactEnum.values()), problem)).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response ticket(@PathParam("id") UUID id) {
        return page(id, null, "", 200);
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response comment(@PathParam("id") UUID id, @RestForm String body) {
        CommentRequest request = new CommentRequest();
        request.setBody(text(body));
        return act(id, "comment", () -> tickets.ticketResourceComment(id, request));
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response transition(@PathParam("id") UUID id, @RestForm String to, @RestForm String note) {
        TransitionRequest request = new TransitionRequest();
        request.setTo(Arrays.stream(TransitionRequest.ToEnum.values()).filter(value -> value.name().equals(to))
                .findFirst().orElse(null));
        request.setNote(blankToNull(note));
        return act(id, "transition", () -> tickets.ticketResourceTransition(id, request));
    }

    @POST
    @Path("/{id}/acknowledgement")
    @Produces(MediaType.TEXT_HTML)
    public Response acknowledge(@PathParam("id") UUID id) {
        return act(id, "acknowledge", () -> tickets.ticketResourceAcknowledge(id));
    }

    @POST
    @Path("/{id}/assignee")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response assign(@PathParam("id") UUID id, @RestForm String assignee, @RestForm String version) {
        AssignRequest request = new AssignRequest();
        request.setAssignee(blankToNull(assignee));
        return act(id, "assign", () -> tickets.ticketResourceAssign(id, request, ifMatch(version)));
    }

    private Response act(UUID id, String form, Runnable call) {
        try {
            ServiceProblem.call(TICKET_SERVICE, () -> {
                call.run();
                return null;
            });
            return Response.seeOther(URI.create("/tickets/" + id)).build();
        } catch (ServiceProblem e) {
            return page(id, e.problem(), form, 422);
        }
    }

    private Response page(UUID id, Problem problem, String form, int status) {
        TicketPage page;
        try {
            TicketResourceReport201Response ticket = ServiceProblem.call(TICKET_SERVICE,
                    () -> tickets.ticketResourceGet(id));
            List<PageChangeViewItemsInner> timeline = ServiceProblem.call(TICKET_SERVICE,
                    () -> tickets.ticketResourceTimeline(id, 0, PAGE)).getItems();
            List<TicketResourceComment201Response> comments = ServiceProblem.call(TICKET_SERVICE,
                    () -> tickets.ticketResourceComments(id, 0, PAGE)).getItems();
            page = new TicketPage(ticket, timeline, comments,
                    NEXT.getOrDefault(String.valueOf(ticket.getState()), List.of()));
        } catch (ServiceProblem e) {
            return e.page(Templates.ticket(signedIn.get(), null, e.problem(), form));
        }
        return Response.status(status).entity(Templates.ticket(signedIn.get(), page, problem, form)).build();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
