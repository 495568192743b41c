package work.remote.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;

import work.remote.notification.service.DeliveryPlanner;
import work.remote.notification.service.EventHistory;
import work.remote.notification.ConsumedEvent;
import work.remote.platform.inbox.Inbox;

/**
 * Reads every context's events, and this service's own (so that dead deliveries are announced); the inbox makes a
 * redelivered event plan no second delivery. Each event is decoded here, once, into the {@link ConsumedEvent} that
 * routing and rendering take.
 */
@ApplicationScoped
public class EventConsumer {

    static final String CONSUMER = "notification-service";
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Inbox inbox;
    private final DeliveryPlanner planner;
    private final EventHistory history;

    @Inject
    public EventConsumer(Inbox inbox, DeliveryPlanner planner, EventHistory history) {
        this.inbox = inbox;
        this.planner = planner;
        this.history = history;
    }

    @Incoming("remote-work-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, received -> {
            if (history.isHistory(received.time())) {
                LOG.debugf("%s (%s) happened at %s, before this service first started: history, sent to nobody",
                        received.type().ceType(), received.id(), received.time());
                return;
            }
            planner.plan(ConsumedEvent.of(received));
        });
    }
}
