package work.remote.notification.rest;

import java.time.Instant;
import java.util.UUID;

import work.remote.events.notification.Channel;
import work.remote.notification.Delivery;

/**
 * A delivery as the API shows it: its target is a channel name or an address, never a webhook URL or a bot token.
 * {@code purpose} tells the notice about the event from an escalation of a critical issue Slack did not get and from
 * an update of a ticket's first message in place; {@code link} is where the event's ticket, launch or process is.
 * A message posted through Slack's Web API shows where it is: {@code slackChannelId}, {@code slackTs} (the message
 * updated, for an update) and {@code slackThreadTs} (null outside a thread).
 */
public record DeliveryView(UUID id, String ceId, String ceType, String subject, UUID ticketId, UUID launchId,
        String link, Delivery.Purpose purpose, Channel channel, String target,
        String title, Delivery.State state, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
        Instant deliveredAt, String slackChannelId, String slackTs, String slackThreadTs) {

    public static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.id, delivery.ceId, delivery.ceType, delivery.subject, delivery.ticketId,
                delivery.launchId, delivery.link, delivery.purpose, delivery.channel,
                delivery.target, delivery.title, delivery.state, delivery.attempts,
                delivery.state == Delivery.State.PENDING ? delivery.nextAttemptAt : null, delivery.lastError,
                delivery.createdAt, delivery.deliveredAt, delivery.slackChannelId, delivery.slackTs,
                delivery.slackThreadTs);
    }
}
