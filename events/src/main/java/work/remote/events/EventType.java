package work.remote.events;

import java.util.Objects;

/**
 * The CloudEvents identity of an event class: {@code ce_type = work.remote.<context>.<EventName>},
 * {@code ce_source = /<context>-service}, written to topic {@code remote-work.<context>.events}.
 */
public record EventType(String context, String name) {

    private static final String PACKAGE_PREFIX = DomainEvent.class.getPackageName() + ".";
    public static final String TYPE_PREFIX = "work.remote.";

    public EventType {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(name, "name");
    }

    public static EventType of(Class<? extends DomainEvent> eventClass) {
        String packageName = eventClass.getPackageName();
        if (!packageName.startsWith(PACKAGE_PREFIX) || packageName.indexOf('.', PACKAGE_PREFIX.length()) >= 0) {
            throw new IllegalArgumentException(eventClass.getName() + " must live in a context package directly below "
                    + DomainEvent.class.getPackageName());
        }
        return new EventType(packageName.substring(PACKAGE_PREFIX.length()), eventClass.getSimpleName());
    }

    /** Parses a {@code ce_type} value such as {@code work.remote.ticket.CriticalIssueReported}. */
    public static EventType parse(String ceType) {
        if (ceType == null || !ceType.startsWith(TYPE_PREFIX)) {
            throw new IllegalArgumentException("Not a remote-work event type: " + ceType);
        }
        String rest = ceType.substring(TYPE_PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot <= 0 || dot == rest.length() - 1) {
            throw new IllegalArgumentException("Not a remote-work event type: " + ceType);
        }
        return new EventType(rest.substring(0, dot), rest.substring(dot + 1));
    }

    public static String topicOf(String context) {
        return "remote-work." + context + ".events";
    }

    public String ceType() {
        return TYPE_PREFIX + context + "." + name;
    }

    public String source() {
        return "/" + context + "-service";
    }

    public String topic() {
        return topicOf(context);
    }

    /** Classpath location of this type's JSON Schema inside the events module. */
    public String schemaResource() {
        return "schemas/" + context + "/" + name + ".json";
    }
}
