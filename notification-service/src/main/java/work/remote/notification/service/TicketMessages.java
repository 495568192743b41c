package work.remote.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import work.remote.events.DomainEvent;
import work.remote.events.EventJson;
import work.remote.events.EventType;
import work.remote.events.ticket.CriticalIssueEscalated;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.SlaAtRisk;
import work.remote.events.ticket.SlaBreached;
import work.remote.events.ticket.TicketCommented;
import work.remote.events.ticket.TicketOpened;
import work.remote.events.ticket.TicketResolved;
import work.remote.events.ticket.TicketStatus;
import work.remote.events.ticket.TicketStatusChanged;

/**
 * A ticket's messages in a bot-token channel: its first message (the critical issue's report, else the ticket's
 * opening), which carries the Acknowledge and Resolve buttons when it reports a critical issue and is updated in
 * place as the ticket moves; and the later events, posted as replies in its thread (those that alert the channel
 * also shown in it).
 */
public final class TicketMessages {

    public static final String ACKNOWLEDGE = "ticket.acknowledge";
    public static final String RESOLVE = "ticket.resolve";
    static final String STATUS_BLOCK = "ticket-status";
    /** The fields of the status block, in the order it shows them. */
    private static final List<String> STATUS_FIELDS = List.of("Status", "Acknowledged by", "Time left", "Resolved by");

    static final String CRITICAL_ISSUE = EventType.of(CriticalIssueReported.class).ceType();
    static final String OPENED = EventType.of(TicketOpened.class).ceType();
    /** The types that are a ticket's first message in a channel, the critical issue's report first. */
    static final Set<String> FIRST_MESSAGES = Set.of(CRITICAL_ISSUE, OPENED);
    static final Set<String> REPLIES = Set.of(ceType(TicketStatusChanged.class), ceType(TicketCommented.class),
            ceType(SlaAtRisk.class), ceType(SlaBreached.class), ceType(CriticalIssueEscalated.class),
            ceType(TicketResolved.class));
    /** Replies that alert the whole channel: shown in the channel too, or the alert would reach only the thread. */
    static final Set<String> BROADCAST = Set.of(ceType(SlaAtRisk.class), ceType(SlaBreached.class),
            ceType(CriticalIssueEscalated.class));

    private TicketMessages() {
    }

    private static String ceType(Class<? extends DomainEvent> type) {
        return EventType.of(type).ceType();
    }

    /** Whether {@code event} also updates the ticket's first message. */
    static boolean updatesFirstMessage(DomainEvent event) {
        return event instanceof TicketStatusChanged || event instanceof TicketResolved;
    }

    /** The report of a critical issue with the Acknowledge and Resolve buttons before its links. */
    static String withButtons(String message, UUID ticketId) {
        ObjectNode slack = parse(message);
        setButtons(slack, ticketId, true, true);
        return slack.toString();
    }

    /**
     * The ticket's first message {@code current} (as last sent, or as last updated) after {@code event}: its status,
     * who acknowledged it and when, the time left until its deadline, or how it was resolved; the buttons that
     * still make sense when it is {@code interactive} (the report of a critical issue), none once it is resolved.
     */
    static String updated(String current, DomainEvent event, UUID ticketId, boolean interactive) {
        ObjectNode slack = parse(current);
        Map<String, String> status = statusFields(slack);
        TicketStatus to;
        if (event instanceof TicketStatusChanged changed) {
            to = changed.to();
            status.put("Status", changed.to().name());
            if (changed.acknowledged()) {
                status.put("Acknowledged by", Mrkdwn.escape(changed.assignee() != null ? changed.assignee()
                        : changed.changedBy()) + " at " + TemplateFormats.utc(changed.changedAt()));
            }
            if (changed.resolveBy() != null && !isDone(to)) {
                status.put("Time left", timeLeft(changed.changedAt(), changed.resolveBy()));
            }
        } else if (event instanceof TicketResolved resolved) {
            to = TicketStatus.RESOLVED;
            status.put("Status", TicketStatus.RESOLVED.name());
            status.put("Resolved by", Mrkdwn.escape(resolved.resolvedBy()) + " at "
                    + TemplateFormats.utc(resolved.resolvedAt()) + (resolved.withinSla() == null ? ""
                            : resolved.withinSla() ? ", within the deadline" : ", after the deadline"));
        } else {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " does not update a message");
        }
        if (isDone(to)) {
            status.remove("Time left");
        }
        setStatusBlock(slack, status);
        if (interactive) {
            setButtons(slack, ticketId, !isDone(to) && to != TicketStatus.IN_PROGRESS, !isDone(to));
        }
        BlockKitLimits.fit(slack);
        return slack.toString();
    }

    /** A reply that could not go into its thread, saying so at its end. */
    static String outsideItsThread(String message, String why) {
        ObjectNode slack = parse(message);
        ArrayNode blocks = slack.withArray("blocks");
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn").put("verbatim", true)
                .put("text", "_Posted outside the ticket's thread: " + Mrkdwn.escape(why) + "._");
        BlockKitLimits.fit(slack);
        return slack.toString();
    }

    private static boolean isDone(TicketStatus status) {
        return status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
    }

    private static String timeLeft(Instant at, Instant deadline) {
        long minutes = Duration.between(at, deadline).toMinutes();
        return minutes >= 0 ? TemplateFormats.hoursAndMinutes(minutes) + " (resolve by "
                + TemplateFormats.utc(deadline) + ")"
                : "none: overdue since " + TemplateFormats.utc(deadline);
    }

    /** The fields of the status block, by label, as the message shows them now. */
    private static Map<String, String> statusFields(ObjectNode slack) {
        Map<String, String> fields = new HashMap<>();
        statusBlock(slack).ifPresent(block -> block.path("fields").forEach(field -> {
            String text = field.path("text").asText();
            int split = text.indexOf("*\n");
            if (text.startsWith("*") && split > 0) {
                fields.put(text.substring(1, split), text.substring(split + 2));
            }
        }));
        return fields;
    }

    private static Optional<ObjectNode> statusBlock(ObjectNode slack) {
        for (JsonNode block : slack.withArray("blocks")) {
            if (STATUS_BLOCK.equals(block.path("block_id").asText()) && block instanceof ObjectNode object) {
                return Optional.of(object);
            }
        }
        return Optional.empty();
    }

    /** Puts the status block after the message's first block of fields (or replaces it where it is). */
    private static void setStatusBlock(ObjectNode slack, Map<String, String> status) {
        ObjectNode block = statusBlock(slack).orElseGet(() -> {
            ArrayNode blocks = slack.withArray("blocks");
            int at = 0;
            while (at < blocks.size() && !blocks.get(at).has("fields")) {
                at++;
            }
            ObjectNode created = blocks.insertObject(Math.min(at + 1, blocks.size()));
            return created.put("type", "section").put("block_id", STATUS_BLOCK);
        });
        ArrayNode fields = block.putArray("fields");
        STATUS_FIELDS.stream().filter(status::containsKey).forEach(label -> fields.addObject().put("type", "mrkdwn")
                .put("verbatim", true).put("text", "*" + label + "*\n" + status.get(label)));
    }

    /** Sets the ticket's buttons in the message's last actions block, before its links. */
    private static void setButtons(ObjectNode slack, UUID ticketId, boolean acknowledge, boolean resolve) {
        ArrayNode blocks = slack.withArray("blocks");
        ObjectNode actions = null;
        for (JsonNode block : blocks) {
            if ("actions".equals(block.path("type").asText()) && block instanceof ObjectNode object) {
                actions = object;
            }
        }
        if (actions == null) {
            actions = blocks.addObject().put("type", "actions");
        }
        ArrayNode elements = actions.withArray("elements");
        for (int i = elements.size() - 1; i >= 0; i--) {
            String action = elements.get(i).path("action_id").asText();
            if (action.equals(ACKNOWLEDGE) || action.equals(RESOLVE)) {
                elements.remove(i);
            }
        }
        if (resolve) {
            elements.insert(0, button(RESOLVE, "Resolve", ticketId, null));
        }
        if (acknowledge) {
            elements.insert(0, button(ACKNOWLEDGE, "Acknowledge", ticketId, "primary"));
        }
        if (elements.isEmpty()) {
            blocks.remove(indexOf(blocks, actions));
        }
    }

    private static int indexOf(ArrayNode blocks, JsonNode block) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) == block) {
                return i;
            }
        }
        throw new IllegalStateException("not among the blocks");
    }

    private static ObjectNode button(String actionId, String label, UUID ticketId, String style) {
        ObjectNode button = EventJson.mapper().createObjectNode().put("type", "button").put("action_id", actionId)
                .put("value", ticketId.toString());
        button.putObject("text").put("type", "plain_text").put("text", label);
        if (style != null) {
            button.put("style", style);
        }
        return button;
    }

    private static ObjectNode parse(String message) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(message);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("A stored Slack message is no JSON object", e);
        }
    }
}
