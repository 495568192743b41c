package work.remote.notification.delivery;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.runtime.StartupEvent;

import work.remote.events.DomainEvent;
import work.remote.events.EventCatalog;
import work.remote.events.EventJson;
import work.remote.events.EventType;
import work.remote.platform.inbox.MalformedEventException;
import work.remote.notification.route.EventPattern;

/**
 * Renders an event with its three Qute templates under {@code templates/messages/<EventName>/}: {@code slack.json}
 * (Block Kit; its {@code text} is the message's title and the email's subject), {@code text.txt} and
 * {@code html.html}. Each template declares its event type ({@code {@work.remote.events...}}), so Qute checks
 * every expression against the event record at build time. The Slack template sees the event's strings escaped
 * for mrkdwn ({@link Mrkdwn}) and its result is cut to Block Kit's limits ({@link BlockKitLimits}), whatever the
 * template says.
 */
@ApplicationScoped
public class MessageRenderer {

    /** A title is one line: it is also an email's subject, which SMTP refuses to break. */
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    static final List<String> TEMPLATES = List.of("slack.json", "text.txt", "html.html");

    private final Engine engine;

    @Inject
    public MessageRenderer(Engine engine) {
        this.engine = engine;
    }

    /** Refuses to start when an event type this service consumes has no templates. */
    void checkEveryTypeHasTemplates(@Observes StartupEvent startup) {
        List<String> missing = EventPattern.CONSUMED_CONTEXTS.stream()
                .flatMap(context -> EventCatalog.ofContext(context).stream())
                .flatMap(type -> TEMPLATES.stream().map(name -> templateId(EventType.of(type), name)))
                .filter(id -> engine.getTemplate(id) == null)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Message templates missing: " + missing);
        }
    }

    /** @throws MalformedEventException when {@code data} is not a valid event of {@code type} */
    public RenderedMessage render(EventType type, JsonNode data) {
        Class<? extends DomainEvent> eventClass = EventCatalog.byCeType(type.ceType())
                .orElseThrow(() -> new MalformedEventException("Unknown event type " + type.ceType()));
        DomainEvent event = event(eventClass, data);
        ObjectNode slack = slackMessage(type, event(eventClass, Mrkdwn.escapeStrings(data)));
        String title = LINE_BREAKS.matcher(Mrkdwn.unescape(slack.path("text").asText())).replaceAll(" ").strip();
        return new RenderedMessage(title, slack.toString(), template(type, "text.txt").data("event", event).render(),
                template(type, "html.html").data("event", event).render());
    }

    /**
     * The Slack message, rendered from the event with its strings escaped for mrkdwn, settled ({@link Mrkdwn#settle})
     * and cut to Block Kit's limits.
     */
    private ObjectNode slackMessage(EventType type, DomainEvent mrkdwnEscaped) {
        String rendered = template(type, "slack.json").data("event", mrkdwnEscaped).render();
        JsonNode message;
        try {
            message = EventJson.mapper().readTree(rendered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The Slack template of " + type.name() + " renders invalid JSON", e);
        }
        if (!(message instanceof ObjectNode slack)) {
            throw new IllegalStateException("The Slack template of " + type.name() + " renders no JSON object");
        }
        Mrkdwn.settle(slack);
        BlockKitLimits.fit(slack);
        return slack;
    }

    private static DomainEvent event(Class<? extends DomainEvent> eventClass, JsonNode data) {
        try {
            return EventJson.mapper().treeToValue(data, eventClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("The data is not a valid " + eventClass.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    private Template template(EventType type, String name) {
        return engine.getTemplate(templateId(type, name));
    }

    private static String templateId(EventType type, String name) {
        return "messages/" + type.name() + "/" + name;
    }
}
