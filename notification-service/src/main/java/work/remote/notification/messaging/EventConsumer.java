package work.remote.notification.messaging;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import work.remote.notification.service.DeliveryPlanner;
import work.remote.notification.service.EnabledRoutes;
import work.remote.notification.service.EventHistory;
import work.remote.notification.ConsumedEvent;
import work.remote.platform.inbox.Inbox;
import work.remote.platform.inbox.ReceivedEvent;

/**
 * Reads every context's events, and this service's own (so that dead deliveries are announced); the inbox makes a
 * redelivered event plan no second delivery. Each event is decoded here, once, into the {@link ConsumedEvent} that
 * routing and rendering take. The records come in batches (what one poll brought): the routes are checked for
 * changes once per batch, and the events their routes send somewhere are recorded and planned in one transaction;
 * an event that goes to nobody (most of this service's own, and history) costs no database work at all.
 */
@ApplicationScoped
public class EventConsumer {

    static final String CONSUMER = "notification-service";
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Inbox inbox;
    private final DeliveryPlanner planner;
    private final EventHistory history;
    private final EnabledRoutes routes;

    @Inject
    public EventConsumer(Inbox inbox, DeliveryPlanner planner, EventHistory history, EnabledRoutes routes) {
        this.inbox = inbox;
        this.planner = planner;
        this.history = history;
        this.routes = routes;
    }

    @Incoming("remote-work-events")
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        routes.refreshIfChanged();
        return inbox.processBatch(CONSUMER, batch, this::planning);
    }

    private Optional<Runnable> planning(ReceivedEvent received) {
        if (history.isHistory(received.time())) {
            LOG.debugf("%s (%s) happened at %s, before this service first started: history, sent to nobody",
                    received.type().ceType(), received.id(), received.time());
            return Optional.empty();
        }
        return planner.planning(ConsumedEvent.of(received));
    }
}
