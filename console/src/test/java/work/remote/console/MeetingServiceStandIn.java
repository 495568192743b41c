package work.remote.console;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP server standing in for meeting-service, as its OpenAPI document describes the answers: a running discussion
 * whose presentation overran its timebox, whose reading runs over time and whose discussion has not started, with a
 * parking lot and attendance; and a concluded training. {@code chen} missed the discussion and {@code bo} the
 * training; {@code lena} supervises both and acknowledges the relays, as nobody else may.
 */
final class MeetingServiceStandIn extends ServiceStandIn {

    static final String DISCUSSION = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c01";
    static final String TRAINING = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c02";
    static final String SUBJECT = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c03";
    static final String CHEN_RELAY = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c04";
    static final String BO_RELAY = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c05";
    static final String CARRIED_OVER = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c06";
    static final String PARKED_TODAY = "8c3f3e2a-74b4-4e77-9c5a-ae3e3d2f2c07";

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

    private static Map<String, Object> invitee(String person, boolean present) {
        return Map.of("person", person, "functionGroup", "CS", "supervisor", "lena", "present", present);
    }

    private static Map<String, Object> parked(String id, String meetingId, String proposedBy, String proposal) {
        return Map.of("id", id, "meetingId", meetingId, "subjectKind", "PROCESS", "subjectId", SUBJECT,
                "proposedBy", proposedBy, "proposal", proposal, "recordedBy", "lena", "state", "OPEN", "version", 1);
    }
}
