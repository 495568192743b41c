package work.remote.notification;

import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import work.remote.events.EventType;
import work.remote.events.meeting.MeetingSubject;
import work.remote.events.ticket.CriticalIssueEscalated;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.Severity;
import work.remote.events.ticket.SlaAtRisk;
import work.remote.events.ticket.SlaBreached;

/**
 * What routes match on and the delivery log is searched by, read from an event's JSON: the severity (the
 * {@code severity} field; critical-issue and SLA events are always {@code CRITICAL}), the launch (the
 * {@code launchId} field, or the subject of a meeting about a launch), the process key (the {@code key} field of
 * process events), the ticket (the {@code ticketId} field) and the level of an escalation (its {@code level} field).
 */
public record EventAttributes(Severity severity, UUID launchId, String processKey, UUID ticketId, Integer level) {

    private static final Set<EventType> ALWAYS_CRITICAL = Set.of(EventType.of(CriticalIssueReported.class),
            EventType.of(SlaAtRisk.class), EventType.of(SlaBreached.class), EventType.of(CriticalIssueEscalated.class));
    private static final EventType ESCALATION = EventType.of(CriticalIssueEscalated.class);

    public static EventAttributes of(EventType type, JsonNode data) {
        Severity severity = ALWAYS_CRITICAL.contains(type) ? Severity.CRITICAL
                : data.hasNonNull("severity") ? Severity.valueOf(data.get("severity").asText()) : null;
        UUID launchId = uuid(data.path("launchId"));
        JsonNode subject = data.path("subject");
        if (launchId == null && MeetingSubject.Kind.LAUNCH.name().equals(subject.path("kind").asText())) {
            launchId = uuid(subject.path("id"));
        }
        String processKey = "process".equals(type.context()) && data.hasNonNull("key") ? data.get("key").asText() : null;
        Integer level = type.equals(ESCALATION) && data.path("level").isInt() ? data.get("level").asInt() : null;
        return new EventAttributes(severity, launchId, processKey, uuid(data.path("ticketId")), level);
    }

    private static UUID uuid(JsonNode node) {
        return node.isTextual() ? UUID.fromString(node.asText()) : null;
    }
}
