package work.remote.console.warroom;

import static work.remote.console.form.FormValues.ifMatch;
import static work.remote.console.form.FormValues.text;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import work.remote.console.client.ticket.api.LaunchesApi;
import work.remote.console.client.ticket.api.TicketsApi;
import work.remote.console.client.ticket.model.LaunchResourcePlan201ResponseTrainingKitBackOfficeOperationsInner;
import work.remote.console.client.ticket.model.LaunchResourcePlan201ResponseTrainingKitExpectedQuestionsInner;
import work.remote.console.client.ticket.model.FeedbackSummary;
import work.remote.console.client.ticket.model.LaunchResourcePlan201Response;
import work.remote.console.client.ticket.model.ParticipationRequest;
import work.remote.console.client.ticket.model.LaunchResourceChangeRules201Response;
import work.remote.console.client.ticket.model.StartLaunchRequest;
import work.remote.console.client.ticket.model.StatusPostRequest;
import work.remote.console.client.ticket.model.LaunchResourcePostStatus201Response;
import work.remote.console.client.ticket.model.TicketResourceReport201Response;
import work.remote.console.client.ticket.model.LaunchResourcePlan201ResponseTrainingKit;
import work.remote.console.config.ConsoleConfig;
import work.remote.console.problem.Problem;
import work.remote.console.problem.ServiceProblem;
import work.remote.console.signin.SignedIn;
import work.remote.console.signin.Viewer;

/**
 * The launch war room: the four gates and the actions the viewer's roles allow, the parent feedback ticket with its
 * children, each open critical issue's countdown, the status posts and the rule changes; live over {@code /live}.
 */
@Path("/")
public class WarRoomResource {

    static final String TICKET_SERVICE = "ticket-service";
    private static final int PAGE = 200;

    /** A gate in words: passed (when, by whom) or open with what is missing. */
    public record GateRow(String gate, String name, boolean passed, String passedBy, List<String> missing) {
    }

    /** The children of the parent feedback ticket of one type, most severe first. */
    public record ChildGroup(String type, List<TicketResourceReport201Response> tickets) {
    }

    /** An open critical issue with its countdown. */
    public record Critical(UUID id, String title, String state, String assignee, Countdown countdown) {
    }

    /** What a form sent back, so that a refused form keeps what the viewer typed. */
    public record Entered(String form, Map<String, String> values) {

        public String get(String field) {
            return values.getOrDefault(field, "");
        }

        static Entered none() {
            return new Entered("", Map.of());
        }
    }

    /** A status post in words: the symptoms users may see, joined. */
    public record Post(String phase, String postedAt, String postedBy, String message, String symptoms) {
    }

    /** The training kit's five sections as the form shows them: questions and operations one per line. */
    public record Kit(String launchTime, String duringAndAfterLaunch, String expectedQuestions,
            String backOfficeOperations, String reportingTechnicalProblems) {
    }

    public record WarRoom(LaunchResourcePlan201Response launch, List<GateRow> gates, boolean allGatesPassed,
            FeedbackSummary feedback, String severities, List<ChildGroup> children, List<Critical> critical,
            List<Post> posts, List<LaunchResourceChangeRules201Response> ruleChanges, List<String> phases) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance launches(Viewer viewer, List<LaunchResourcePlan201Response> launches,
                Problem problem);

        static native TemplateInstance warRoom(Viewer viewer, WarRoom room, Kit kit, Problem problem,
                Entered entered);
    }

    private final LaunchesApi launches;
    private final TicketsApi tickets;
    private final SignedIn signedIn;
    private final ConsoleConfig config;
    private final Clock clock;

    public WarRoomResource(@RestClient LaunchesApi launches, @RestClient TicketsApi tickets, SignedIn signedIn,
            ConsoleConfig config, Clock clock) {
        this.launches = launches;
        this.tickets = tickets;
        this.signedIn = signedIn;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        return list();
    }

    @GET
    @Path("/launches")
    @Produces(MediaType.TEXT_HTML)
    public Response list() {
        try {
            List<LaunchResourcePlan201Response> all = ServiceProblem.call(TICKET_SERVICE,
                    () -> launches.launchResourceList(0, PAGE, null)).getItems();
            return Response.ok(Templates.launches(signedIn.get(), all, null)).build();
        } catch (ServiceProblem e) {
            return e.page(Templates.launches(signedIn.get(), List.of(), e.problem()));
        }
    }

    @GET
    @Path("/launches/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response warRoom(@PathParam("id") UUID id) {
        return page(id, null, Entered.none(), 200);
    }

    @POST
    @Path("/launches/{id}/final-round")
    @Produces(MediaType.TEXT_HTML)
    public Response confirmFinalRound(@PathParam("id") UUID id) {
        return act(id, Entered.none(), () -> launches.launchResourceConfirmFinalRound(id));
    }

    @POST
    @Path("/launches/{id}/onboarding")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response recordOnboarding(@PathParam("id") UUID id, @RestForm String person,
            @RestForm String userQuestions) {
        Entered entered = new Entered("onboarding", Map.of("person", text(person), "userQuestions",
                text(userQuestions)));
        ParticipationRequest request = new ParticipationRequest();
        request.setPerson(blankToNull(person));
        request.setUserQuestions(lines(userQuestions));
        return act(id, entered, () -> launches.launchResourceRecordParticipation(id, request));
    }

    @POST
    @Path("/launches/{id}/training-kit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response saveTrainingKit(@PathParam("id") UUID id, @RestForm String version, @RestForm String launchTime,
            @RestForm String duringAndAfterLaunch, @RestForm String expectedQuestions,
            @RestForm String backOfficeOperations, @RestForm String reportingTechnicalProblems) {
        Entered entered = new Entered("training-kit", Map.of("launchTime", text(launchTime), "duringAndAfterLaunch",
                text(duringAndAfterLaunch), "expectedQuestions", text(expectedQuestions), "backOfficeOperations",
                text(backOfficeOperations), "reportingTechnicalProblems", text(reportingTechnicalProblems)));
        LaunchResourcePlan201ResponseTrainingKit kit = new LaunchResourcePlan201ResponseTrainingKit();
        kit.setLaunchTime(blankToNull(launchTime));
        kit.setDuringAndAfterLaunch(blankToNull(duringAndAfterLaunch));
        kit.setExpectedQuestions(lines(expectedQuestions).stream().map(line -> {
            String[] parts = line.split("\\|", 2);
            var question = new LaunchResourcePlan201ResponseTrainingKitExpectedQuestionsInner();
            question.setQuestion(parts[0].strip());
            question.setAnswer(parts.length > 1 ? parts[1].strip() : "");
            return question;
        }).toList());
        kit.setBackOfficeOperations(lines(backOfficeOperations).stream().map(line -> {
            String[] parts = Arrays.copyOf(line.split("\\|", 3), 3);
            var operation = new LaunchResourcePlan201ResponseTrainingKitBackOfficeOperationsInner();
            operation.setOperation(text(parts[0]).strip());
            operation.setWhoMayPerform(text(parts[1]).strip());
            operation.setHow(text(parts[2]).strip());
            return operation;
        }).toList());
        kit.setReportingTechnicalProblems(blankToNull(reportingTechnicalProblems));
        return act(id, entered, () -> launches.launchResourceSaveTrainingKit(id, kit, ifMatch(version)));
    }

    @POST
    @Path("/launches/{id}/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response start(@PathParam("id") UUID id, @RestForm String override, @RestForm String reason) {
        Entered entered = new Entered("start", Map.of("reason", text(reason)));
        StartLaunchRequest request = new StartLaunchRequest();
        request.setOverrideOpenGates(override != null);
        request.setReason(blankToNull(reason));
        return act(id, entered, () -> launches.launchResourceStart(id, request));
    }

    @POST
    @Path("/launches/{id}/status-posts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response postStatus(@PathParam("id") UUID id, @RestForm String phase, @RestForm String message,
            @RestForm String expectedSymptoms) {
        Entered entered = new Entered("status-post", Map.of("phase", text(phase), "message", text(message),
                "expectedSymptoms", text(expectedSymptoms)));
        StatusPostRequest request = new StatusPostRequest();
        request.setPhase(Arrays.stream(StatusPostRequest.PhaseEnum.values())
                .filter(value -> value.name().equals(phase)).findFirst().orElse(null));
        request.setMessage(text(message));
        request.setExpectedSymptoms(lines(expectedSymptoms));
        return act(id, entered, () -> launches.launchResourcePostStatus(id, request));
    }

    private Response act(UUID id, Entered entered, Runnable call) {
        try {
            ServiceProblem.call(TICKET_SERVICE, () -> {
                call.run();
                return null;
            });
            return Response.seeOther(URI.create("/launches/" + id)).build();
        } catch (ServiceProblem e) {
            return page(id, e.problem(), entered, 422);
        }
    }

    private Response page(UUID id, Problem problem, Entered entered, int status) {
        WarRoom room;
        try {
            room = read(id);
        } catch (ServiceProblem e) {
            return e.page(Templates.launches(signedIn.get(), List.of(), e.problem()));
        }
        return Response.status(status).entity(Templates.warRoom(signedIn.get(), room, kit(room.launch(), entered),
                problem, entered)).build();
    }

    private WarRoom read(UUID id) {
        LaunchResourcePlan201Response launch = ServiceProblem.call(TICKET_SERVICE,
                () -> launches.launchResourceGet(id));
        FeedbackSummary feedback = ServiceProblem.call(TICKET_SERVICE, () -> launches.launchResourceFeedback(id));
        List<TicketResourceReport201Response> children = launch.getParentTicketId() == null ? List.of()
                : ServiceProblem.call(TICKET_SERVICE, () -> tickets.ticketResourceList(null, 0,
                        launch.getParentTicketId(), null, null, PAGE, null, null, null)).getItems();
        List<LaunchResourcePostStatus201Response> posts = ServiceProblem.call(TICKET_SERVICE,
                () -> launches.launchResourceStatusPosts(id, 0, PAGE)).getItems();
        List<LaunchResourceChangeRules201Response> rules = ServiceProblem.call(TICKET_SERVICE,
                () -> launches.launchResourceRuleChanges(id, 0, PAGE)).getItems();
        List<GateRow> gates = launch.getGates().stream().map(gate -> new GateRow(gate.getGate().toString(),
                GateWords.of(gate.getGate().toString()), Boolean.TRUE.equals(gate.getPassed()), gate.getPassedBy(),
                gate.getMissing() == null ? List.of() : gate.getMissing())).toList();
        List<Post> shown = posts.stream().map(post -> new Post(String.valueOf(post.getPhase()), post.getPostedAt(),
                post.getPostedByName() == null ? post.getPostedBy() : post.getPostedByName(), post.getMessage(),
                post.getExpectedSymptoms() == null ? "" : String.join("; ", post.getExpectedSymptoms()))).toList();
        List<String> severities = new ArrayList<>();
        if (feedback.getBySeverity() != null) {
            feedback.getBySeverity().forEach((severity, count) -> severities.add(count + " " + severity));
        }
        return new WarRoom(launch, gates, gates.stream().allMatch(GateRow::passed), feedback,
                String.join(", ", severities), byType(children), critical(feedback), shown, rules,
                Arrays.stream(StatusPostRequest.PhaseEnum.values()).map(Enum::name).toList());
    }

    /** What the kit form shows: what the viewer just sent when the service refused it, else the saved kit. */
    private static Kit kit(LaunchResourcePlan201Response launch, Entered entered) {
        if (entered.form().equals("training-kit")) {
            return new Kit(entered.get("launchTime"), entered.get("duringAndAfterLaunch"),
                    entered.get("expectedQuestions"), entered.get("backOfficeOperations"),
                    entered.get("reportingTechnicalProblems"));
        }
        LaunchResourcePlan201ResponseTrainingKit saved = launch.getTrainingKit();
        if (saved == null) {
            return new Kit("", "", "", "", "");
        }
        StringBuilder questions = new StringBuilder();
        if (saved.getExpectedQuestions() != null) {
            saved.getExpectedQuestions().forEach(question -> questions.append(question.getQuestion()).append(" | ")
                    .append(question.getAnswer()).append('\n'));
        }
        StringBuilder operations = new StringBuilder();
        if (saved.getBackOfficeOperations() != null) {
            saved.getBackOfficeOperations().forEach(operation -> operations.append(operation.getOperation())
                    .append(" | ").append(operation.getWhoMayPerform()).append(" | ").append(operation.getHow())
                    .append('\n'));
        }
        return new Kit(text(saved.getLaunchTime()), text(saved.getDuringAndAfterLaunch()), questions.toString(),
                operations.toString(), text(saved.getReportingTechnicalProblems()));
    }

    private List<Critical> critical(FeedbackSummary feedback) {
        Duration atRiskWithin = config.sla().resolveWithin().minus(config.sla().atRiskAfter());
        List<Critical> critical = new ArrayList<>();
        feedback.getOpenCritical().forEach(issue -> critical.add(new Critical(issue.getId(), issue.getTitle(),
                String.valueOf(issue.getState()), issue.getAssignee(),
                Countdown.of(Instant.parse(issue.getResolveBy()), clock.instant(), atRiskWithin))));
        critical.sort(Comparator.comparing(issue -> issue.countdown().resolveBy()));
        return critical;
    }

    static List<ChildGroup> byType(List<TicketResourceReport201Response> children) {
        Map<String, List<TicketResourceReport201Response>> groups = new TreeMap<>();
        children.forEach(child -> groups.computeIfAbsent(String.valueOf(child.getType()), type -> new ArrayList<>())
                .add(child));
        List<ChildGroup> result = new ArrayList<>();
        groups.forEach((type, tickets) -> result.add(new ChildGroup(type, tickets.stream()
                .sorted(Comparator.comparing(ticket -> ticket.getSeverity() == null ? 9
                        : ticket.getSeverity().ordinal())).toList())));
        return result;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The non-blank lines of a text area. */
    static List<String> lines(String value) {
        return value == null ? List.of() : value.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
