package work.remote.notification.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import work.remote.events.EventCatalog;
import work.remote.events.EventType;
import work.remote.events.ticket.CriticalIssueEscalated;
import work.remote.events.ticket.Severity;
import work.remote.notification.EventPattern;
import work.remote.notification.Route;
import work.remote.notification.RouteTarget;
import work.remote.platform.AfterCommit;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;

/** Creates, changes and removes routes, refusing any that could send a critical issue to no Slack channel. */
@ApplicationScoped
public class RouteService {

    private static final EventType ESCALATION = EventType.of(CriticalIssueEscalated.class);

    private final Clock clock;
    private final EmailDirectory directory;
    private final ConsumedContexts consumed;
    private final EnabledRoutes enabledRoutes;
    private final AfterCommit afterCommit;

    @Inject
    public RouteService(Clock clock, EmailDirectory directory, ConsumedContexts consumed, EnabledRoutes enabledRoutes,
            AfterCommit afterCommit) {
        this.clock = clock;
        this.directory = directory;
        this.consumed = consumed;
        this.enabledRoutes = enabledRoutes;
        this.afterCommit = afterCommit;
    }

    /** What a route should be; its targets in order. */
    public record RouteDefinition(String name, String eventType, Severity severity, UUID launchId, String processKey,
            Integer level, boolean enabled, List<RouteTarget> targets) {
    }

    public Page<Route> list(PageRequest page) {
        return Page.of(Route.findAll(Sort.ascending("name")), page);
    }

    public Route get(UUID id) {
        Route route = Route.findById(id);
        if (route == null) {
            throw ProblemException.notFound("Route", id);
        }
        return route;
    }

    @Transactional
    public Route create(RouteDefinition definition) {
        Route route = new Route();
        route.id = UUID.randomUUID();
        route.createdAt = clock.instant();
        define(route, definition);
        route.persist();
        afterCommit.run(enabledRoutes::invalidate);
        return route;
    }

    @Transactional
    public Route change(UUID id, long expectedRevision, RouteDefinition definition) {
        Route route = get(id);
        route.requireRevision(expectedRevision);
        define(route, definition);
        Route.flush();
        afterCommit.run(enabledRoutes::invalidate);
        return route;
    }

    @Transactional
    public void remove(UUID id) {
        get(id).delete();
        afterCommit.run(enabledRoutes::invalidate);
    }

    private void define(Route route, RouteDefinition definition) {
        EventPattern pattern = validate(definition);
        Route.<Route>find("name", definition.name()).firstResultOptional()
                .filter(other -> !other.id.equals(route.id))
                .ifPresent(other -> {
                    throw ProblemException.conflict("route-exists", "A route of that name exists",
                            "Route " + definition.name() + " already exists as " + other.id);
                });
        route.name = definition.name();
        route.listenTo(pattern);
        route.severity = definition.severity();
        route.launchId = definition.launchId();
        route.processKey = definition.processKey();
        route.level = definition.level();
        route.enabled = definition.enabled();
        route.targets.clear();
        route.targets.addAll(definition.targets());
        route.updatedAt = clock.instant();
        if (route.couldCarryCriticalIssues() && !route.hasSlackChannel()) {
            throw new ProblemException(422, "critical-issue-needs-a-channel",
                    "Critical issues must reach a channel",
                    "This route would send critical issues (" + route.eventType
                            + ") only to private addresses; add a SLACK_CHANNEL target",
                    List.of(new Problem.Violation("targets", "must contain a SLACK_CHANNEL target, because "
                            + route.eventType + " covers critical issues")));
        }
    }

    /** The definition's event pattern, when nothing in it is invalid. */
    private EventPattern validate(RouteDefinition definition) {
        List<Problem.Violation> violations = new ArrayList<>();
        Optional<EventPattern> pattern = consumed.pattern(definition.eventType());
        if (pattern.isEmpty()) {
            violations.add(new Problem.Violation("eventType", "must be a known event type of the "
                    + consumed.contexts() + " contexts (work.remote.ticket.CriticalIssueReported), "
                    + "a wildcard over one of them (work.remote.ticket.*), or "
                    + ConsumedContexts.DEAD_NOTIFICATION.ceType()));
        }
        if (definition.level() != null && pattern.filter(p -> p.covers(ESCALATION)).isEmpty()) {
            violations.add(new Problem.Violation("level", "applies only to routes of " + ESCALATION.ceType()));
        }
        for (int i = 0; i < definition.targets().size(); i++) {
            String field = "targets[" + i + "].value";
            targetProblem(definition.targets().get(i), pattern)
                    .ifPresent(message -> violations.add(new Problem.Violation(field, message)));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return pattern.orElseThrow();
    }

    private Optional<String> targetProblem(RouteTarget target, Optional<EventPattern> pattern) {
        return switch (target.kind) {
            case SLACK_CHANNEL -> target.value.matches(SlackChannelService.NAME_PATTERN) ? Optional.empty()
                    : Optional.of("must be a channel name like #product");
            case EMAIL -> !EmailDirectory.isAddress(target.value) ? Optional.of("must be an email address")
                    : directory.isAllowed(target.value) ? Optional.empty()
                    : Optional.of(directory.allowedRecipients());
            case EMAIL_GROUP -> directory.group(target.value).isPresent() ? Optional.empty()
                    : Optional.of("must be a configured email group (notification.email.groups)");
            case SLACK_CHANNEL_FROM_EVENT, EMAIL_PERSON_FROM_EVENT, PERSON_FROM_EVENT -> pattern
                    .filter(p -> !p.isWildcard() && !hasField(p, target.value))
                    .map(p -> "must be a field of " + p.context() + "." + p.name());
        };
    }

    private static boolean hasField(EventPattern pattern, String field) {
        return EventCatalog.byCeType(pattern.value())
                .map(type -> Arrays.stream(type.getRecordComponents())
                        .anyMatch(component -> component.getName().equals(field)
                                && component.getType() == String.class))
                .orElse(false);
    }
}
