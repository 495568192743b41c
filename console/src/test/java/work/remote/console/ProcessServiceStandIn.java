package work.remote.console;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP server standing in for process-service with one process, as its OpenAPI document describes the answers:
 * two published versions and an open draft whose validation report names two problems, duties for its two roles, a
 * rehearsal, the flowchart as SVG, and a rollout to {@code ali} and {@code chen} whose checklists they tick. A tick
 * is refused as process-service refuses it: on someone else's checklist (403) or on a stale revision (409).
 */
final class ProcessServiceStandIn extends ServiceStandIn {

    static final String PROCESS = "7b2e2d1f-63a3-4d66-8b4f-9d2d2c1e1b01";
    static final String ROLLOUT = "7b2e2d1f-63a3-4d66-8b4f-9d2d2c1e1b02";
    static final String REHEARSAL = "7b2e2d1f-63a3-4d66-8b4f-9d2d2c1e1b03";
    static final List<String> PARTICIPANTS = List.of("ali", "chen");
    static final List<String> LINES = List.of("Escalate the refund ticket", "Tell the user",
            "Tell the user the decision within one working day");

    /** Per participant: when each line was ticked (null while it is not) and the checklist's revision. */
    private final Map<String, Checklist> checklists = new ConcurrentHashMap<>();

    private static final class Checklist {
        final String[] tickedAt = new String[LINES.size()];
        long revision = 1;
    }

    private ProcessServiceStandIn() {
        super("process-service");
        PARTICIPANTS.forEach(person -> checklists.put(person, new Checklist()));
    }

    static ProcessServiceStandIn start() {
        ProcessServiceStandIn standIn = new ProcessServiceStandIn();
        standIn.listen();
        return standIn;
    }

    @Override
    protected void handle(Request request) throws IOException {
        String process = "/processes/" + PROCESS;
        String checklistsOf = "/rollouts/" + ROLLOUT + "/checklists/";
        if (request.is("GET", "/processes")) {
            json(request.exchange(), 200, page(List.of(process())));
        } else if (request.is("GET", process)) {
            json(request.exchange(), 200, process());
        } else if (request.is("GET", process + "/versions")) {
            json(request.exchange(), 200, page(List.of(version(1, "First version", "the refund ticket"),
                    version(2, "Says where to escalate", "the refund ticket, then #product"))));
        } else if (request.is("GET", process + "/validation")) {
            json(request.exchange(), 200, Map.of("clean", false, "problems", List.of(
                    Map.of("kind", "MISSING_OUTLINE_FIELD", "field", "outline.when", "message", "must not be blank"),
                    Map.of("kind", "UNREACHABLE_STEP", "stepId", "follow-up",
                            "message", "step 'follow-up' cannot be reached from the start"))));
        } else if (request.method().equals("GET") && request.path().startsWith(process + "/duties/")) {
            json(request.exchange(), 200, duties(request.path().substring((process + "/duties/").length())));
        } else if (request.is("GET", process + "/diff")) {
            diff(request);
        } else if (request.is("GET", process + "/rehearsals")) {
            json(request.exchange(), 200, page(List.of(rehearsal())));
        } else if (request.is("GET", process + "/rollouts")) {
            json(request.exchange(), 200, page(List.of(rollout())));
        } else if (request.is("GET", process + "/flowchart.svg")) {
            respond(request.exchange(), 200, "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                    + "width=\"320\" height=\"60\"><text x=\"10\" y=\"30\">Escalate the refund ticket</text></svg>");
        } else if (request.method().equals("GET") && request.path().startsWith(checklistsOf)) {
            String person = request.path().substring(checklistsOf.length());
            if (checklists.containsKey(person)) {
                json(request.exchange(), 200, checklist(person));
            } else {
                notFound(request);
            }
        } else if (request.method().equals("POST") && request.path().startsWith(checklistsOf)) {
            tick(request, request.path().substring(checklistsOf.length()).split("/"));
        } else {
            notFound(request);
        }
    }

    /** {@code POST /rollouts/{id}/checklists/{person}/lines/{index}/tick}, from the path's last segments. */
    private void tick(Request request, String[] segments) throws IOException {
        String person = segments[0];
        int index = Integer.parseInt(segments[2]);
        Checklist checklist = checklists.get(person);
        if (checklist == null || index >= LINES.size()) {
            notFound(request);
            return;
        }
        if (!person.equals(request.person())) {
            problem(request.exchange(), 403, "Not your checklist",
                    request.person() + " may not tick the checklist of " + person, List.of());
            return;
        }
        String ifMatch = request.exchange().getRequestHeaders().getFirst("If-Match");
        synchronized (checklist) {
            if (ifMatch != null && !ifMatch.replace("\"", "").equals(Long.toString(checklist.revision))) {
                problem(request.exchange(), 409, "Changed a stale revision", "You changed revision "
                        + ifMatch.replace("\"", "") + " of the checklist of " + person + ", but it is now at "
                        + checklist.revision + "; reload it and apply your change again", List.of());
                return;
            }
            if (checklist.tickedAt[index] == null) {
                checklist.tickedAt[index] = Instant.now().toString();
                checklist.revision++;
            }
        }
        json(request.exchange(), 200, checklist(person));
    }

    private void diff(Request request) throws IOException {
        if (request.intQuery("from", 0) != 1 || request.intQuery("to", 0) != 2) {
            problem(request.exchange(), 404, "Not Found", "Process has versions 1 and 2 only", List.of());
            return;
        }
        Map<String, Object> changed = Map.of("id", "escalate",
                "from", step("escalate", "Escalate the refund ticket", "cs-agent"),
                "to", step("escalate", "Escalate the refund ticket to #product", "cs-agent"));
        json(request.exchange(), 200, Map.of(
                "fields", List.of(Map.of("field", "outline.where", "from", "the refund ticket",
                        "to", "the refund ticket, then #product")),
                "steps", Map.of("added", List.of(), "removed", List.of(), "changed", List.of(changed), "empty", false),
                "roles", Map.of("added", List.of(), "removed", List.of(), "changed", List.of(), "empty", true),
                "keyPoints", Map.of("added", List.of(Map.of("stepId", "decide", "check", "Decided within one "
                        + "working day")), "removed", List.of(), "changed", List.of(), "empty", false),
                "empty", false));
    }

    private static Map<String, Object> process() {
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("id", PROCESS);
        process.put("key", "refund-escalation");
        process.put("title", "Refund escalation");
        process.put("owner", "paula");
        process.put("ownerName", "Paula");
        process.put("status", "PUBLISHED");
        process.put("latestVersion", 2);
        process.put("draft", definition("the refund ticket, then #product"));
        process.put("draftBasedOn", 2);
        process.put("revision", 5);
        return process;
    }

    private static Map<String, Object> definition(String where) {
        Map<String, Object> outline = new LinkedHashMap<>();
        outline.put("why", "Refunds stuck for days lose users");
        outline.put("what", "Escalating a refund CS cannot make");
        outline.put("who", "CS agents and product");
        outline.put("where", where);
        outline.put("how", "Escalate, decide, tell the user");
        return Map.of("title", "Refund escalation", "owner", "paula", "outline", outline,
                "roles", List.of(Map.of("name", "cs-agent", "team", "customer support"),
                        Map.of("name", "product", "team", "product")),
                "steps", List.of(step("escalate", "Escalate the refund ticket", "cs-agent"),
                        step("decide", "Decide the refund", "product")),
                "keyPoints", List.of());
    }

    private static Map<String, Object> step(String id, String title, String role) {
        return Map.of("id", id, "title", title, "role", role, "next", List.of(), "end", false);
    }

    private static Map<String, Object> version(int number, String changeSummary, String where) {
        return Map.of("processId", PROCESS, "version", number, "definition", definition(where),
                "changeSummary", changeSummary, "publishedBy", "paula",
                "publishedAt", "2026-11-0" + number + "T09:00:00Z", "rehearsalId", REHEARSAL);
    }

    private static Map<String, Object> duties(String role) {
        if (role.equals("cs-agent")) {
            return Map.of("role", "cs-agent", "team", "customer support",
                    "steps", List.of(Map.of("stepId", "escalate", "title", "Escalate the refund ticket",
                            "next", List.of("decide"), "end", false,
                            "checks", List.of("Name the #product channel"))),
                    "receives", List.of(), "passesOn", List.of(Map.of("fromRole", "cs-agent",
                            "fromStep", "escalate", "toRole", "product", "toStep", "decide")),
                    "keyPoints", List.of());
        }
        return Map.of("role", role, "team", "product",
                "steps", List.of(Map.of("stepId", "decide", "title", "Decide the refund", "next", List.of(),
                        "end", true, "checks", List.of())),
                "receives", List.of(Map.of("fromRole", "cs-agent", "fromStep", "escalate", "toRole", role,
                        "toStep", "decide")),
                "passesOn", List.of(), "keyPoints", List.of());
    }

    private static Map<String, Object> rehearsal() {
        Map<String, Object> rehearsal = new LinkedHashMap<>();
        rehearsal.put("id", REHEARSAL);
        rehearsal.put("processId", PROCESS);
        rehearsal.put("walkedBy", List.of("paula", "ali"));
        rehearsal.put("steps", List.of(
                Map.of("stepId", "escalate", "problem", "ali did not know whom to escalate to",
                        "resolution", "The escalation goes to #product, named in the step", "resolvedBy", "paula"),
                Map.of("stepId", "decide", "note", "Decided the same afternoon")));
        rehearsal.put("stepsNotWalked", List.of());
        rehearsal.put("unresolvedFindings", 0);
        rehearsal.put("clearsPublication", true);
        rehearsal.put("recordedBy", "paula");
        rehearsal.put("rehearsedAt", "2026-11-01T08:00:00Z");
        rehearsal.put("revision", 2);
        return rehearsal;
    }

    private Map<String, Object> rollout() {
        List<Map<String, Object>> people = new ArrayList<>();
        PARTICIPANTS.forEach(person -> people.add(Map.of("person", person, "role", "cs-agent",
                "supervisor", "lena", "done", done(checklists.get(person)), "total", LINES.size())));
        return Map.of("id", ROLLOUT, "processId", PROCESS, "key", "refund-escalation", "version", 2,
                "title", "Refund escalation", "startedBy", "paula", "startedAt", "2026-11-03T09:00:00Z",
                "people", people, "keyPoints", List.of());
    }

    private Map<String, Object> checklist(String person) {
        Checklist checklist = checklists.get(person);
        synchronized (checklist) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int index = 0; index < LINES.size(); index++) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("index", index);
                line.put("stepId", index == 0 ? "escalate" : "tell-user");
                line.put("text", LINES.get(index));
                line.put("keyPoint", index == 2);
                line.put("tickedAt", checklist.tickedAt[index]);
                lines.add(line);
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("rolloutId", ROLLOUT);
            view.put("person", person);
            view.put("role", "cs-agent");
            view.put("supervisor", "lena");
            view.put("lines", lines);
            view.put("done", done(checklist));
            view.put("total", LINES.size());
            view.put("revision", checklist.revision);
            return view;
        }
    }

    private static long done(Checklist checklist) {
        synchronized (checklist) {
            return Arrays.stream(checklist.tickedAt).filter(Objects::nonNull).count();
        }
    }
}
