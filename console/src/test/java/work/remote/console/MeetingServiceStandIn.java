package work.remote.console;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server standing in for meeting-service, as its OpenAPI document describes the answers: a running discussion
 * whose presentation overran its timebox, whose reading runs over time and whose discussion has not started, with a
 * parking lot and attendance; a concluded training; and a scheduled second session. {@code chen} missed the
 * discussion and {@code bo} the training; {@code lena} supervises both and acknowledges the relays, as nobody else
 * may. {@code lena} hosts them all, and only she or an admin runs them, on their current revision (If-Match), as
 * meeting-service checks: start, end the running item, park a proposal of an invitee, take attendance of invitees,
 * conclude.
 */
final class MeetingServiceStandIn extends ServiceStandIn {

    static final String DISCUSSION = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c01";
    static final String TRAINING = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c02";
    static final String SUBJECT = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c03";
    static final String CHEN_RELAY = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c04";
    static final String BO_RELAY = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c05";
    static final String CARRIED_OVER = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c06";
    static final String PARKED_TODAY = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c07";
    static final String SECOND_SESSION = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c08";
    static final String PARKED_NOW = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c09";
    private static final Pattern HOST_ACTION = Pattern.compile("/meetings/([^/]+)(/.+)");

    /** Each relay's acknowledgement: when, and the note; absent while it is open. */
    private final Map<String, Map<String, Object>> acknowledged = new ConcurrentHashMap<>();
    private final Instant started = Instant.now().minus(Duration.ofMinutes(18));

    private MeetingServiceStandIn() {
        super("meeting-service");
    }

    static MeetingServiceStandIn start() {
        MeetingServiceStandIn standIn = new MeetingServiceStandIn();
        standIn.listen();
        return standIn;
    }

    @Override
    protected void handle(Request request) throws IOException {
        if (request.is("GET", "/meetings")) {
            json(request.exchange(), 200, page(List.of(discussion(), training())));
        } else if (request.is("GET", "/meetings/" + DISCUSSION)) {
            json(request.exchange(), 200, discussion());
        } else if (request.is("GET", "/meetings/" + TRAINING)) {
            json(request.exchange(), 200, training());
        } else if (request.is("GET", "/meetings/" + SECOND_SESSION)) {
            json(request.exchange(), 200, secondSession());
        } else if (HOST_ACTION.matcher(request.path()).matches() && !request.method().equals("GET")) {
            Matcher action = HOST_ACTION.matcher(request.path());
            action.matches();
            host(request, action.group(1), action.group(2));
        } else if (request.is("GET", "/parking-lot") && SUBJECT.equals(request.query().get("subjectId"))) {
            json(request.exchange(), 200, page(List.of(
                    parked(CARRIED_OVER, TRAINING, "bo", "Should refunds under 10 EUR skip the escalation?"),
                    parked(PARKED_TODAY, DISCUSSION, "ali", "A bot that answers the fee question"))));
        } else if (request.is("GET", "/relays")) {
            json(request.exchange(), 200, page(relays(request.query())));
        } else if (request.method().equals("POST") && request.path().startsWith("/relays/")) {
            acknowledge(request, request.path().split("/")[2]);
        } else {
            notFound(request);
        }
    }

    private void acknowledge(Request request, String id) throws IOException {
        Map<?, ?> body = JSON.readValue(request.body(), Map.class);
        Object note = body.get("note");
        if (note != null && note.toString().length() > 2000) {
            problem(request.exchange(), 400, "The request is invalid", "1 field(s) are invalid",
                    List.of(Map.of("field", "note", "message", "size must be between 0 and 2000")));
            return;
        }
        Map<String, Object> relay = relay(id);
        if (relay == null) {
            notFound(request);
            return;
        }
        if (!request.person().equals(relay.get("supervisor"))) {
            problem(request.exchange(), 403, "Only the supervisor may acknowledge",
                    "This relay is " + relay.get("supervisor") + "'s, not " + request.person() + "'s", List.of());
            return;
        }
        if (acknowledged.putIfAbsent(id, Map.of("acknowledgedAt", Instant.now().toString(),
                "note", note == null ? "" : note.toString())) != null) {
            problem(request.exchange(), 409, "Already acknowledged", "The relay was acknowledged before", List.of());
            return;
        }
        json(request.exchange(), 200, relay(id));
    }

    /** A host action on one of the meetings, refused as meeting-service refuses it. */
    private void host(Request request, String id, String action) throws IOException {
        Map<String, Object> meeting = id.equals(DISCUSSION) ? discussion()
                : id.equals(SECOND_SESSION) ? secondSession() : id.equals(TRAINING) ? training() : null;
        if (meeting == null) {
            notFound(request);
            return;
        }
        if (!request.person().equals(meeting.get("host")) && !request.roles().contains("admin")) {
            problem(request.exchange(), 403, "Only the host may do this",
                    request.person() + " is not the host (" + meeting.get("host") + ")", List.of());
            return;
        }
        String ifMatch = request.exchange().getRequestHeaders().getFirst("If-Match");
        if (ifMatch != null && !ifMatch.equals("\"" + meeting.get("version") + "\"")) {
            problem(request.exchange(), 409, "Changed a stale revision", "You changed revision " + ifMatch
                    + " of meeting " + id + ", but it is now at " + meeting.get("version")
                    + "; reload it and apply your change again", List.of());
            return;
        }
        Map<?, ?> body = request.body().isBlank() ? Map.of() : JSON.readValue(request.body(), Map.class);
        switch (request.method() + " " + action) {
            case "POST /start" -> {
                if (!meeting.get("state").equals("SCHEDULED")) {
                    problem(request.exchange(), 409, "The meeting is " + meeting.get("state"),
                            "Only a scheduled meeting can start", List.of());
                } else {
                    meeting.put("state", "RUNNING");
                    json(request.exchange(), 200, meeting);
                }
            }
            case "POST /agenda/advance", "POST /conclusion" -> json(request.exchange(), 200, meeting);
            case "POST /parking-lot" -> park(request, body);
            case "PUT /attendance" -> attendance(request, meeting, body);
            default -> notFound(request);
        }
    }

    private void park(Request request, Map<?, ?> body) throws IOException {
        List<Map<String, String>> violations = new ArrayList<>();
        for (String field : List.of("proposedBy", "proposal")) {
            if (body.get(field) == null || body.get(field).toString().isBlank()) {
                violations.add(Map.of("field", field, "message", "must not be blank"));
            }
        }
        if (!violations.isEmpty()) {
            problem(request.exchange(), 400, "The request is invalid", violations.size() + " field(s) are invalid",
                    violations);
            return;
        }
        json(request.exchange(), 201, parked(PARKED_NOW, DISCUSSION, body.get("proposedBy").toString(),
                body.get("proposal").toString()));
    }

    private void attendance(Request request, Map<String, Object> meeting, Map<?, ?> body) throws IOException {
        List<?> present = body.get("present") instanceof List<?> list ? list : List.of();
        List<?> invitees = (List<?>) meeting.get("invitees");
        List<Map<String, String>> strangers = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            String person = String.valueOf(present.get(i));
            if (invitees.stream().noneMatch(invitee -> ((Map<?, ?>) invitee).get("person").equals(person))) {
                strangers.add(Map.of("field", "present[" + i + "]", "message", person + " is not invited"));
            }
        }
        if (!strangers.isEmpty()) {
            problem(request.exchange(), 400, "The request is invalid", strangers.size() + " field(s) are invalid",
                    strangers);
            return;
        }
        json(request.exchange(), 200, meeting);
    }

    private List<Map<String, Object>> relays(Map<String, String> query) {
        return List.of(relay(CHEN_RELAY), relay(BO_RELAY)).stream()
                .filter(relay -> !query.containsKey("meetingId") || relay.get("meetingId").equals(query.get("meetingId")))
                .filter(relay -> !query.containsKey("supervisor") || relay.get("supervisor").equals(query.get("supervisor")))
                .filter(relay -> !query.containsKey("open")
                        || relay.get("open").equals(Boolean.parseBoolean(query.get("open"))))
                .toList();
    }

    private Map<String, Object> relay(String id) {
        if (!id.equals(CHEN_RELAY) && !id.equals(BO_RELAY)) {
            return null;
        }
        Map<String, Object> relay = new LinkedHashMap<>();
        relay.put("id", id);
        relay.put("meetingId", id.equals(CHEN_RELAY) ? DISCUSSION : TRAINING);
        relay.put("absentee", id.equals(CHEN_RELAY) ? "chen" : "bo");
        relay.put("supervisor", "lena");
        relay.put("requestedAt", started.toString());
        relay.put("open", !acknowledged.containsKey(id));
        relay.put("version", acknowledged.containsKey(id) ? 2 : 1);
        relay.putAll(acknowledged.getOrDefault(id, Map.of()));
        return relay;
    }

    private Map<String, Object> discussion() {
        Map<String, Object> meeting = meeting(DISCUSSION, "DISCUSSION", "Refund escalation: discussion", "RUNNING");
        meeting.put("agenda", List.of(
                agendaItem("PRESENTATION", "The host presents the process", 10, started, started.plusSeconds(11 * 60)),
                agendaItem("READING", "Everyone reads the material", 5, started.plusSeconds(11 * 60), null),
                agendaItem("DISCUSSION", "Questions and discussion", 25, null, null)));
        meeting.put("invitees", List.of(invitee("ali", true), invitee("bo", true), invitee("chen", false)));
        return meeting;
    }

    private Map<String, Object> training() {
        Map<String, Object> meeting = meeting(TRAINING, "TRAINING", "Refund escalation: training", "CONCLUDED");
        meeting.put("agenda", List.of());
        meeting.put("invitees", List.of(invitee("ali", true), invitee("bo", false)));
        return meeting;
    }

    private Map<String, Object> secondSession() {
        Map<String, Object> meeting = meeting(SECOND_SESSION, "DISCUSSION", "Refund escalation: second session",
                "SCHEDULED");
        meeting.put("agenda", List.of(
                agendaItem("PRESENTATION", "The host presents the process", 10, null, null),
                agendaItem("READING", "Everyone reads the material", 5, null, null),
                agendaItem("DISCUSSION", "Questions and discussion", 25, null, null)));
        meeting.put("invitees", List.of(invitee("dana", null), invitee("emil", null)));
        meeting.put("version", 1);
        return meeting;
    }

    private Map<String, Object> meeting(String id, String kind, String title, String state) {
        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("id", id);
        meeting.put("kind", kind);
        meeting.put("subject", Map.of("kind", "PROCESS", "id", SUBJECT, "title", "Refund escalation", "version", 2));
        meeting.put("title", title);
        meeting.put("host", "lena");
        meeting.put("startsAt", started.toString());
        meeting.put("timeZone", "Europe/Berlin");
        meeting.put("localStart", "2026-12-02T09:00+01:00[Europe/Berlin]");
        meeting.put("durationMinutes", 40);
        meeting.put("participants", 4);
        meeting.put("state", state);
        meeting.put("version", 3);
        return meeting;
    }

    private static Map<String, Object> agendaItem(String phase, String topic, int minutes, Instant startedAt,
            Instant endedAt) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("phase", phase);
        item.put("topic", topic);
        item.put("plannedMinutes", minutes);
        item.put("startedAt", startedAt == null ? null : startedAt.toString());
        item.put("endedAt", endedAt == null ? null : endedAt.toString());
        item.put("running", startedAt != null && endedAt == null);
        return item;
    }

    private static Map<String, Object> invitee(String person, Boolean present) {
        Map<String, Object> invitee = new LinkedHashMap<>();
        invitee.put("person", person);
        invitee.put("functionGroup", "CS");
        invitee.put("supervisor", "lena");
        invitee.put("present", present);
        return invitee;
    }

    private static Map<String, Object> parked(String id, String meetingId, String proposedBy, String proposal) {
        return Map.of("id", id, "meetingId", meetingId, "subjectKind", "PROCESS", "subjectId", SUBJECT,
                "proposedBy", proposedBy, "proposal", proposal, "recordedBy", "lena", "state", "OPEN", "version", 1);
    }
}
