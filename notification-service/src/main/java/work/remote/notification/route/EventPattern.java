package work.remote.notification.route;

import java.util.List;
import java.util.Optional;

import work.remote.events.EventCatalog;
import work.remote.events.EventType;

/**
 * The events a route listens to: one {@code ce_type} ({@code work.remote.ticket.CriticalIssueReported}) or every
 * type of a context ({@code work.remote.ticket.*}). Only the contexts this service consumes qualify.
 */
public record EventPattern(String context, String name) {

    public static final List<String> CONSUMED_CONTEXTS = List.of("process", "meeting", "ticket");
    private static final String WILDCARD = "*";

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
