package work.remote.notification;


import java.util.Optional;

import work.remote.events.EventCatalog;
import work.remote.events.EventType;

/**
 * The events a route listens to: one {@code ce_type} ({@code work.remote.ticket.CriticalIssueReported}) or every
 * type of a context ({@code work.remote.ticket.*}). Which contexts qualify is
 * {@link work.remote.notification.service.ConsumedContexts}' call.
 */
public record EventPattern(String context, String name) {

    private static final String WILDCARD = "*";

    /** The pattern, or empty when {@code value} is neither a known type nor a wildcard over a context. */
    public static Optional<EventPattern> parse(String value) {
        return split(value).filter(pattern -> pattern.isWildcard() || EventCatalog.byCeType(value).isPresent());
    }

    /** The pattern of a value {@link #parse} accepted before, such as a stored route's. */
    public static EventPattern of(String value) {
        return split(value).orElseThrow(() -> new IllegalArgumentException("Not an event pattern: " + value));
    }

    private static Optional<EventPattern> split(String value) {
        if (value == null || !value.startsWith(EventType.TYPE_PREFIX)) {
            return Optional.empty();
        }
        String rest = value.substring(EventType.TYPE_PREFIX.length());
        int dot = rest.indexOf('.');
        return dot <= 0 ? Optional.empty()
                : Optional.of(new EventPattern(rest.substring(0, dot), rest.substring(dot + 1)));
    }

    /** {@code work.remote.<context>.<name>}. */
    public String value() {
        return EventType.TYPE_PREFIX + context + "." + name;
    }

    public boolean isWildcard() {
        return WILDCARD.equals(name);
    }

    public boolean covers(EventType type) {
        return context.equals(type.context()) && (isWildcard() || name.equals(type.name()));
    }
}
