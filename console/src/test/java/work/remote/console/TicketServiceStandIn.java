package work.remote.console;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * An HTTP server standing in for ticket-service with one launch, as its OpenAPI document describes the answers: two
 * gates passed and two open, a parent feedback ticket with children, one critical issue at risk and one breached, a
 * status post. A report without a title is refused as ticket-service refuses it; starting the launch needs
 * {@code product} in the token. Reading the launch {@link #FAILING} fails, as ticket-service fails without its
 * database.
 */
final class TicketServiceStandIn extends ServiceStandIn {

    static final String LAUNCH = "6a1f1c0e-52f2-4c55-9a3e-8c1c1b0d0a01";
    static final String PARENT = "6a1f1c0e-52f2-4c55-9a3e-8c1c1b0d0a02";
    static final String AT_RISK = "6a1f1c0e-52f2-4c55-9a3e-8c1c1b0d0a03";
    static final String BREACHED = "6a1f1c0e-52f2-4c55-9a3e-8c1c1b0d0a04";
    static final String QUESTION = "6a1f1c0e-52f2-4c55-9a3e-8c1c1b0d0a05";
    static final String FAILING = "6a1f1c0e-52f2-4c55-9a3e-8c1c1b0d0a06";

    private TicketServiceStandIn() {
        super("ticket-service");
    }

    static TicketServiceStandIn start() {
        TicketServiceStandIn standIn = new TicketServiceStandIn();
        standIn.listen();
        return standIn;
    }

    @Override
    protected void handle(Request request) throws IOException {
        HttpExchange exchange = request.exchange();
        String path = request.path();
        String method = request.method();
        String body = request.body();
        if (method.equals("GET") && path.equals("/launches")) {
            json(exchange, 200, page(List.of(launch())));
        } else if (method.equals("GET") && path.equals("/launches/" + LAUNCH)) {
            json(exchange, 200, launch());
        } else if (method.equals("GET") && path.startsWith("/launches/" + FAILING)) {
            problem(exchange, 500, "Internal Server Error", "The database is unavailable", List.of());
        } else if (method.equals("GET") && path.equals("/launches/" + LAUNCH + "/feedback")) {
            json(exchange, 200, feedback());
        } else if (method.equals("GET") && path.equals("/launches/" + LAUNCH + "/status-posts")) {
            json(exchange, 200, page(List.of(Map.of("phase", "DEPLOYING", "message", "Deploying instant withdrawals",
                    "expectedSymptoms", List.of("HTTP 500s possible"), "postedBy", "paula",
                    "postedByName", "Paula", "postedAt", Instant.now().minusSeconds(600).toString()))));
        } else if (method.equals("GET") && path.equals("/launches/" + LAUNCH + "/rule-changes")) {
            json(exchange, 200, page(List.of()));
        } else if (method.equals("GET") && path.equals("/tickets")) {
            json(exchange, 200, page(List.of(ticket(AT_RISK, "Cannot withdraw", "BUG", "CRITICAL"),
                    ticket(BREACHED, "Trading blocked for one user", "BUG", "CRITICAL"),
                    ticket(QUESTION, "When do fees apply?", "QUESTION", "LOW"))));
        } else if (method.equals("POST") && path.equals("/launches/" + LAUNCH + "/start")) {
            if (!request.roles().contains("product")) {
                problem(exchange, 403, "Forbidden", "The token lacks a role allowed here", List.of());
            } else {
                problem(exchange, 409, "Open gates", "The launch has open gates: TRAINING_KIT_COMPLETE",
                        List.of());
            }
        } else if (method.equals("POST") && path.equals("/tickets")) {
            Map<?, ?> report = JSON.readValue(body, Map.class);
            if (report.get("title") == null || report.get("title").toString().isBlank()) {
                problem(exchange, 400, "The request is invalid", "1 field(s) are invalid",
                        List.of(Map.of("field", "title", "message", "must not be blank")));
            } else {
                exchange.getResponseHeaders().add("Location", url() + "/tickets/" + QUESTION);
                json(exchange, 201, ticket(QUESTION, report.get("title").toString(), "QUESTION", "LOW"));
            }
        } else {
            notFound(request);
        }
    }

    private static Map<String, Object> launch() {
        Map<String, Object> launch = new LinkedHashMap<>();
        launch.put("id", LAUNCH);
        launch.put("feature", "Instant withdrawals");
        launch.put("state", "TRAINING");
        launch.put("plannedLaunchAt", Instant.now().plus(Duration.ofDays(1)).toString());
        launch.put("timeZone", "Europe/Berlin");
        launch.put("productOwner", "paula");
        launch.put("csLead", "lena");
        launch.put("csAgents", List.of("ali", "bo"));
        launch.put("csChannel", "#cs-launch-instant-withdrawals");
        launch.put("gates", List.of(
                gate("FINAL_ROUND_CONFIRMED", true, List.of()),
                gate("ONBOARDING_ATTENDED", true, List.of()),
                gate("TRAINING_KIT_COMPLETE", false, List.of("training kit section backOfficeOperations is empty")),
                gate("TRAINING_DELIVERED", false, List.of("no training has been held yet"))));
        launch.put("trainingKit", Map.of("launchTime", "Tomorrow 09:00 Berlin"));
        launch.put("parentTicketId", PARENT);
        launch.put("version", 7);
        return launch;
    }

    private static Map<String, Object> gate(String gate, boolean passed, List<String> missing) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("gate", gate);
        view.put("passed", passed);
        view.put("passedBy", passed ? "paula" : null);
        view.put("missing", missing);
        return view;
    }

    private static Map<String, Object> feedback() {
        Instant now = Instant.now();
        return Map.of("launchId", LAUNCH, "tickets", 3, "bySeverity", Map.of("CRITICAL", 2, "LOW", 1),
                "byType", Map.of("BUG", 2, "QUESTION", 1), "openCriticalTotal", 2,
                "openCritical", List.of(
                        Map.of("id", AT_RISK, "title", "Cannot withdraw", "state", "OPEN",
                                "resolveBy", now.plus(Duration.ofMinutes(42)).toString(), "secondsRemaining", 2520),
                        Map.of("id", BREACHED, "title", "Trading blocked for one user", "state", "IN_PROGRESS",
                                "assignee", "ali", "resolveBy", now.minus(Duration.ofMinutes(5)).toString(),
                                "secondsRemaining", 0)));
    }

    private static Map<String, Object> ticket(String id, String title, String type, String severity) {
        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("id", id);
        ticket.put("launchId", LAUNCH);
        ticket.put("parentId", PARENT);
        ticket.put("title", title);
        ticket.put("type", type);
        ticket.put("severity", severity);
        ticket.put("state", "OPEN");
        ticket.put("affectedUsers", 1);
        ticket.put("version", 1);
        return ticket;
    }
}
