package work.remote.notification.route;

import java.util.List;
import java.util.Optional;

import work.remote.events.EventCatalog;
import work.remote.events.EventType;
import work.remote.events.notification.NotificationDead;

/**
 * The events a route listens to: one {@code ce_type} ({@code work.remote.ticket.CriticalIssueReported}) or every
 * type of a context ({@code work.remote.ticket.*}). The contexts whose events this service notifies about qualify,
 * and of its own events {@code NotificationDead}, so that dead deliveries are announced.
 */
public record EventPattern(String context, String name) {

    public static final List<String> CONSUMED_CONTEXTS = List.of("process", "meeting", "ticket");
    /** This service's own event that routes may take. */
    public static final EventType DEAD_NOTIFICATION = EventType.of(NotificationDead.class);
    private static final String WILDCARD = "*";

    /** Whether routes may send events of {@code type}. */
    public static boolean routable(EventType type) {
        return CONSUMED_CONTEXTS.contains(type.context()) || DEAD_NOTIFICATION.equals(type);
    }

    /** The pattern, or empty when {@code value} is no known type and no wildcard over a consumed context. */
    public static Optional<EventPattern> parse(String value) {
        if (value == null || !value.startsWith(EventType.TYPE_PREFIX)) {
            return Optional.empty();
        }
        String rest = value.substring(EventType.TYPE_PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        EventPattern pattern = new EventPattern(rest.substring(0, dot), rest.substring(dot + 1));
        if (DEAD_NOTIFICATION.ceType().equals(value)) {
            return Optional.of(pattern);
        }
        if (!CONSUMED_CONTEXTS.contains(pattern.context())) {
            return Optional.empty();
        }
        return pattern.isWildcard() || EventCatalog.byCeType(value).isPresent() ? Optional.of(pattern)
                : Optional.empty();
    }

    public boolean isWildcard() {
        return WILDCARD.equals(name);
    }

    public boolean covers(EventType type) {
        return context.equals(type.context()) && (isWildcard() || name.equals(type.name()));
    }
}
