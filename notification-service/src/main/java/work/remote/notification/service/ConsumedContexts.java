package work.remote.notification.service;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import work.remote.events.DomainEvent;
import work.remote.events.EventCatalog;
import work.remote.events.EventType;
import work.remote.events.notification.NotificationDead;
import work.remote.notification.EventPattern;

/**
 * The contexts whose events this service notifies about, read from the topics its consumer subscribes to
 * ({@value #TOPICS}): {@code remote-work.<context>.events} for each. Of its own topic it routes only
 * {@code NotificationDead}, so that dead deliveries are announced.
 */
@ApplicationScoped
public class ConsumedContexts {

    public static final String TOPICS = "mp.messaging.incoming.remote-work-events.topics";
    /** This service's own event that routes may take. */
    public static final EventType DEAD_NOTIFICATION = EventType.of(NotificationDead.class);

    private final List<String> contexts;
    private final boolean announcesDeadDeliveries;

    @Inject
    public ConsumedContexts(@ConfigProperty(name = TOPICS) List<String> topics) {
        List<String> all = topics.stream().map(ConsumedContexts::contextOf).toList();
        this.contexts = all.stream().filter(context -> !context.equals(DEAD_NOTIFICATION.context())).toList();
        this.announcesDeadDeliveries = all.contains(DEAD_NOTIFICATION.context());
    }

    private static String contextOf(String topic) {
        return EventCatalog.contexts().stream().filter(context -> EventType.topicOf(context).equals(topic))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(TOPICS + " names " + topic + ", which is no context's "
                        + "topic (remote-work.<context>.events)"));
    }

    /** The contexts of other services whose every event routes may take, e.g. {@code [process, meeting, ticket]}. */
    public List<String> contexts() {
        return contexts;
    }

    /** Whether routes may send events of {@code type}. */
    public boolean routable(EventType type) {
        return contexts.contains(type.context()) || announcesDeadDeliveries && DEAD_NOTIFICATION.equals(type);
    }

    /** Every event type routes may take, each of which needs templates. */
    public Stream<Class<? extends DomainEvent>> routableTypes() {
        Stream<Class<? extends DomainEvent>> others = contexts.stream()
                .flatMap(context -> EventCatalog.ofContext(context).stream());
        return announcesDeadDeliveries ? Stream.concat(others, Stream.of(NotificationDead.class)) : others;
    }

    /** The pattern {@code value} names, or empty when it is no routable type and no wildcard over a context. */
    public Optional<EventPattern> pattern(String value) {
        return EventPattern.parse(value).filter(pattern -> pattern.isWildcard() ? contexts.contains(pattern.context())
                : routable(new EventType(pattern.context(), pattern.name())));
    }
}
