package work.remote.notification.delivery;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import work.remote.events.AfterCommit;
import work.remote.events.inbox.ReceivedEvent;
import work.remote.events.notification.Channel;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.notification.config.NotificationConfig;

/**
 * Turns an event into persisted deliveries, in the consumer's transaction. A critical issue goes to the product
 * Slack channel and to the product email group.
 */
@ApplicationScoped
public class DeliveryPlanner {

    private static final Logger LOG = Logger.getLogger(DeliveryPlanner.class);

    private final MessageRenderer renderer;
    private final NotificationConfig config;
    private final AfterCommit afterCommit;
    private final DeliveryWorker worker;
    private final Clock clock;

    @Inject
    public DeliveryPlanner(MessageRenderer renderer, NotificationConfig config, AfterCommit afterCommit,
            DeliveryWorker worker, Clock clock) {
        this.renderer = renderer;
        this.config = config;
        this.afterCommit = afterCommit;
        this.worker = worker;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(ReceivedEvent event) {
        if (!event.is(CriticalIssueReported.class)) {
            LOG.debugf("No route for %s (%s)", event.type().ceType(), event.id());
            return;
        }
        RenderedMessage message = renderer.criticalIssue(event.dataAs(CriticalIssueReported.class));
        String ceType = event.type().ceType();
        Delivery.pending(event.id(), ceType, event.subject(), Channel.SLACK, config.slack().channelName(),
                message.title(), message.slackBlocks(), null, clock.instant()).persist();
        for (String address : config.email().productGroup()) {
            Delivery.pending(event.id(), ceType, event.subject(), Channel.EMAIL, address, message.title(),
                    message.emailText(), message.emailHtml(), clock.instant()).persist();
        }
        afterCommit.run(worker::nudge);
    }
}
