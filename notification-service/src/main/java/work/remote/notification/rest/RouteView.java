package work.remote.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import work.remote.events.ticket.Severity;
import work.remote.notification.Route;

public record RouteView(UUID id, String name, String eventType, Severity severity, UUID launchId, String processKey,
        Integer level, boolean enabled, List<RouteRequest.Target> targets, long version, Instant createdAt, Instant updatedAt) {

    static RouteView of(Route route) {
        return new RouteView(route.id, route.name, route.eventType, route.severity, route.launchId, route.processKey,
                route.level, route.enabled,
                route.targets.stream().map(target -> new RouteRequest.Target(target.kind, target.value)).toList(),
                route.version, route.createdAt, route.updatedAt);
    }
}
