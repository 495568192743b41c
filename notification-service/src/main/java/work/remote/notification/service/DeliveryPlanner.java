package work.remote.notification.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import work.remote.events.notification.Channel;
import work.remote.notification.ConsumedEvent;
import work.remote.notification.Delivery;
import work.remote.notification.EventAttributes;
import work.remote.notification.PlannedTarget;
import work.remote.notification.RenderedMessage;
import work.remote.notification.SlackChannel;
import work.remote.platform.AfterCommit;

/**
 * Turns an event into one persisted delivery per target its routes choose, in the consumer's transaction (so a
 * redelivered event, stopped by the inbox, plans nothing twice). A ticket's status change or resolution also plans
 * the update of the ticket's first message in each bot-token channel it goes to ({@link TicketMessages}), made from
 * that message as last planned, so that updates build on each other in the order of the events.
 */
@ApplicationScoped
public class DeliveryPlanner {

    private static final Logger LOG = Logger.getLogger(DeliveryPlanner.class);

    private final Routing routing;
    private final MessageRenderer renderer;
    private final AfterCommit afterCommit;
    private final DeliveryScheduler scheduler;
    private final Clock clock;
    private final DeliveryMetrics metrics;
    private final SlackThreads threads;

    @Inject
    public DeliveryPlanner(Routing routing, MessageRenderer renderer, AfterCommit afterCommit, DeliveryScheduler scheduler,
            Clock clock, DeliveryMetrics metrics, SlackThreads threads) {
        this.routing = routing;
        this.renderer = renderer;
        this.afterCommit = afterCommit;
        this.scheduler = scheduler;
        this.clock = clock;
        this.metrics = metrics;
        this.threads = threads;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(ConsumedEvent event) {
        plan(event, routing.targetsFor(event));
    }

    /**
     * The planning {@code event} needs, decided from the routes in memory: empty when its routes choose no target,
     * so that there is nothing to persist.
     */
    public Optional<Runnable> planning(ConsumedEvent event) {
        Routing.Targets routed = routing.targetsFor(event);
        if (routed.none()) {
            LOG.debugf("No route for %s (%s)", event.type().ceType(), event.id());
            return Optional.empty();
        }
        return Optional.of(() -> plan(event, routed));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void plan(ConsumedEvent event, Routing.Targets routed) {
        for (PlannedTarget left : routed.suppressed()) {
            metrics.announcementSuppressed(left.channel());
            LOG.warnf("Announcement %s of a dead delivery (subject %s) is not sent to %s %s, so that dead "
                    + "announcements do not feed on themselves", event.id(), event.subject(), left.channel(),
                    left.target());
        }
        List<PlannedTarget> targets = routed.chosen();
        if (targets.isEmpty()) {
            LOG.debugf("No route for %s (%s)", event.type().ceType(), event.id());
            return;
        }
        RenderedMessage message = renderer.render(event, routed.channels());
        EventAttributes attributes = event.attributes();
        JsonNode link = event.data().path("link");
        Delivery.Source source = new Delivery.Source(event.id(), event.type().ceType(), event.subject(),
                attributes.ticketId(), attributes.launchId(), link.isTextual() ? link.asText() : null);
        for (PlannedTarget target : targets) {
            Delivery.pending(source, target, message, clock.instant()).persist();
        }
        if (attributes.ticketId() != null && TicketMessages.updatesFirstMessage(event.record())) {
            targets.stream().filter(target -> target.channel() == Channel.SLACK)
                    .forEach(target -> planUpdate(event, attributes.ticketId(), source, target, message.title()));
        }
        afterCommit.run(() -> scheduler.planned(event.id()));
    }

    /** Plans the update of the ticket's first message in {@code target}, when a bot posted it there. */
    private void planUpdate(ConsumedEvent event, UUID ticketId, Delivery.Source source, PlannedTarget target,
            String title) {
        boolean boundToBot = SlackChannel.named(target.target()).map(SlackChannel::isBoundToBot).orElse(false);
        Optional<Delivery> first = threads.firstMessage(ticketId, target.target(), null).filter(any -> boundToBot);
        first.ifPresent(message -> {
            boolean interactive = TicketMessages.CRITICAL_ISSUE.equals(message.ceType);
            String current = threads.currentFirstMessage(message).orElseGet(() -> interactive
                    ? TicketMessages.withButtons(message.body, ticketId) : message.body);
            String updated = TicketMessages.updated(current, event.record(), ticketId, interactive);
            Delivery.pending(Delivery.Purpose.UPDATE, source, target,
                    new RenderedMessage(title, updated, null, null), clock.instant()).persist();
        });
    }
}
