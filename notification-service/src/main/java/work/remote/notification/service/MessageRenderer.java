package work.remote.notification.service;

import java.util.List;
import java.util.Set;
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
import work.remote.events.EventJson;
import work.remote.events.EventType;
import work.remote.events.notification.Channel;
import work.remote.notification.ConsumedEvent;
import work.remote.notification.RenderedMessage;
import work.remote.platform.inbox.MalformedEventException;

/**
 * Renders an event with its Qute templates under {@code templates/messages/<EventName>/}: {@code slack.json}
 * (Block Kit; its {@code text} is the message's title and the email's subject, so it is always rendered), and
 * {@code text.txt} and {@code html.html} only when an email is sent. Each template declares its event type ({@code {@work.remote.events...}}), so Qute checks
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
    private final ConsumedContexts consumed;

    @Inject
    public MessageRenderer(Engine engine, ConsumedContexts consumed) {
        this.engine = engine;
        this.consumed = consumed;
    }

    /** Refuses to start when an event type routes may take has no templates. */
    void checkEveryTypeHasTemplates(@Observes StartupEvent startup) {
        List<String> missing = consumed.routableTypes()
                .flatMap(type -> TEMPLATES.stream().map(name -> templateId(EventType.of(type), name)))
                .filter(id -> engine.getTemplate(id) == null)
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Message templates missing: " + missing);
        }
    }

    /**
     * The message for {@code channels}: the title and the Slack message always, the email's text and HTML only when
     * {@code channels} has {@link Channel#EMAIL}.
     */
    public RenderedMessage render(ConsumedEvent event, Set<Channel> channels) {
        ObjectNode slack = slackMessage(event.type(), decodeEscaped(event));
        String title = LINE_BREAKS.matcher(Mrkdwn.unescape(slack.path("text").asText())).replaceAll(" ").strip();
        if (!channels.contains(Channel.EMAIL)) {
            return new RenderedMessage(title, slack.toString(), null, null);
        }
        return new RenderedMessage(title, slack.toString(),
                template(event.type(), "text.txt").data("event", event.record()).render(),
                template(event.type(), "html.html").data("event", event.record()).render());
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

    /** The event's record with every string escaped for mrkdwn, for the Slack template. */
    private static DomainEvent decodeEscaped(ConsumedEvent event) {
        try {
            return EventJson.mapper().treeToValue(Mrkdwn.escapeStrings(event.data()), event.record().getClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Escaped for mrkdwn, the data is no valid "
                    + event.record().getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private Template template(EventType type, String name) {
        return engine.getTemplate(templateId(type, name));
    }

    private static String templateId(EventType type, String name) {
        return "messages/" + type.name() + "/" + name;
    }
}
