package work.remote.notification.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import work.remote.events.EventJson;
import work.remote.events.EventType;
import work.remote.platform.inbox.MalformedEventException;
import work.remote.events.notification.NotificationDead;
import work.remote.events.notification.Channel;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.notification.config.NotificationConfig;

/**
 * Which targets an event goes to: the targets of every enabled route it matches, each target once. A critical
 * issue that no route sends to a Slack channel still goes to the product channel; an announcement of a dead delivery
 * leaves out the targets {@link DeadNotificationGuard} rules out.
 */
@ApplicationScoped
public class Routing {

    static final String CRITICAL_SAFETY_NET = "critical-issues-always-reach-a-channel";
    private static final Logger LOG = Logger.getLogger(Routing.class);
    private static final EventType CRITICAL_ISSUE = EventType.of(CriticalIssueReported.class);

    private final EmailDirectory directory;
    private final String productChannel;

    @Inject
    public Routing(EmailDirectory directory, NotificationConfig config) {
        this.directory = directory;
        this.productChannel = config.slack().channelName();
    }

    /** The targets an event goes to, and those its routes chose but it must not go to. */
    public record Targets(List<PlannedTarget> chosen, List<PlannedTarget> suppressed) {
    }

    /** @throws MalformedEventException when an announcement of a dead delivery is not a valid one */
    public Targets targetsFor(EventType type, JsonNode data) {
        List<PlannedTarget> targets = routedTargets(type, data);
        if (!type.equals(EventPattern.DEAD_NOTIFICATION)) {
            return new Targets(targets, List.of());
        }
        try {
            return DeadNotificationGuard.apply(EventJson.mapper().treeToValue(data, NotificationDead.class), targets);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("The data is not a valid NotificationDead: " + e.getMessage(), e);
        }
    }

    private List<PlannedTarget> routedTargets(EventType type, JsonNode data) {
        EventAttributes attributes = EventAttributes.of(type, data);
        Map<String, PlannedTarget> targets = new LinkedHashMap<>();
        for (Route route : Route.enabledRoutes()) {
            if (route.matches(type, attributes)) {
                for (RouteTarget target : route.targets) {
                    for (PlannedTarget planned : resolve(route.name, target, data)) {
                        targets.putIfAbsent(planned.channel() + " " + planned.target(), planned);
                    }
                }
            }
        }
        if (type.equals(CRITICAL_ISSUE) && targets.values().stream().noneMatch(t -> t.channel() == Channel.SLACK)) {
            LOG.warnf("No route sends critical issues to a Slack channel; %s gets this one", productChannel);
            targets.put(Channel.SLACK + " " + productChannel,
                    new PlannedTarget(Channel.SLACK, productChannel, CRITICAL_SAFETY_NET));
        }
        return new ArrayList<>(targets.values());
    }

    private List<PlannedTarget> resolve(String route, RouteTarget target, JsonNode data) {
        Channel channel = target.kind.channel();
        return switch (target.kind) {
            case SLACK_CHANNEL, EMAIL -> List.of(new PlannedTarget(channel, target.value, route));
            case EMAIL_GROUP -> directory.group(target.value)
                    .map(addresses -> addresses.stream().map(a -> new PlannedTarget(channel, a, route)).toList())
                    .orElseGet(() -> {
                        LOG.warnf("Route %s names email group %s, which is not configured", route, target.value);
                        return List.of();
                    });
            case SLACK_CHANNEL_FROM_EVENT -> field(data, target.value)
                    .map(name -> List.of(new PlannedTarget(channel, name, route))).orElse(List.of());
            case EMAIL_PERSON_FROM_EVENT -> field(data, target.value)
                    .map(person -> List.of(new PlannedTarget(channel, directory.addressOf(person).orElse(person), route)))
                    .orElse(List.of());
        };
    }

    private static Optional<String> field(JsonNode data, String name) {
        JsonNode value = data.path(name);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText())
                : Optional.empty();
    }
}
