package work.remote.notification.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import work.remote.events.EventType;
import work.remote.events.notification.Channel;
import work.remote.events.notification.NotificationDead;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.notification.ConsumedEvent;
import work.remote.notification.PlannedTarget;
import work.remote.notification.Route;
import work.remote.notification.RouteTarget;
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
    private final EnabledRoutes routes;
    private final SlackUsers slackUsers;
    private final String productChannel;

    @Inject
    public Routing(EmailDirectory directory, EnabledRoutes routes, SlackUsers slackUsers, NotificationConfig config) {
        this.directory = directory;
        this.routes = routes;
        this.slackUsers = slackUsers;
        this.productChannel = config.slack().channelName();
    }

    /** The targets an event goes to, and those its routes chose but it must not go to. */
    public record Targets(List<PlannedTarget> chosen, List<PlannedTarget> suppressed) {

        /** The channels of the chosen targets: the formats the message is rendered in. */
        public Set<Channel> channels() {
            return chosen.stream().map(PlannedTarget::channel).collect(Collectors.toSet());
        }

        /** Whether the event's routes chose no target at all: nothing to send, nothing to leave out. */
        public boolean none() {
            return chosen.isEmpty() && suppressed.isEmpty();
        }
    }

    public Targets targetsFor(ConsumedEvent event) {
        List<PlannedTarget> targets = routedTargets(event);
        return event.record() instanceof NotificationDead dead ? DeadNotificationGuard.apply(dead, targets)
                : new Targets(targets, List.of());
    }

    private List<PlannedTarget> routedTargets(ConsumedEvent event) {
        Map<String, PlannedTarget> targets = new LinkedHashMap<>();
        for (Route route : routes.current()) {
            if (route.matches(event)) {
                for (RouteTarget target : route.targets) {
                    for (PlannedTarget planned : resolve(route.name, target, event)) {
                        targets.putIfAbsent(planned.channel() + " " + planned.target(), planned);
                    }
                }
            }
        }
        if (event.is(CRITICAL_ISSUE) && targets.values().stream().noneMatch(t -> t.channel() == Channel.SLACK)) {
            LOG.warnf("No route sends critical issues to a Slack channel; %s gets this one", productChannel);
            targets.put(Channel.SLACK + " " + productChannel,
                    new PlannedTarget(Channel.SLACK, productChannel, CRITICAL_SAFETY_NET));
        }
        return new ArrayList<>(targets.values());
    }

    private List<PlannedTarget> resolve(String route, RouteTarget target, ConsumedEvent event) {
        Channel channel = target.kind.channel();
        return switch (target.kind) {
            case SLACK_CHANNEL, EMAIL -> List.of(new PlannedTarget(channel, target.value, route));
            case EMAIL_GROUP -> directory.group(target.value)
                    .map(addresses -> addresses.stream().map(a -> new PlannedTarget(channel, a, route)).toList())
                    .orElseGet(() -> {
                        LOG.warnf("Route %s names email group %s, which is not configured", route, target.value);
                        return List.of();
                    });
            case SLACK_CHANNEL_FROM_EVENT -> event.text(target.value)
                    .map(name -> List.of(new PlannedTarget(channel, name, route))).orElse(List.of());
            case EMAIL_PERSON_FROM_EVENT -> event.text(target.value)
                    .map(person -> List.of(new PlannedTarget(channel, directory.addressOf(person).orElse(person), route)))
                    .orElse(List.of());
            case PERSON_FROM_EVENT -> event.text(target.value)
                    .map(person -> List.of(slackUsers.directMessageTo(person)
                            .map(user -> new PlannedTarget(Channel.SLACK, user, route))
                            .orElseGet(() -> new PlannedTarget(Channel.EMAIL,
                                    directory.addressOf(person).orElse(person), route))))
                    .orElse(List.of());
        };
    }
}
