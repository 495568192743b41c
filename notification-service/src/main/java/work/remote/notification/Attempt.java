package work.remote.notification;

import java.util.Optional;
import java.util.UUID;

import work.remote.events.notification.Channel;

/**
 * What one claimed attempt sends, copied out of the delivery in the claim's transaction, so that the send itself
 * needs no database. The webhook URL is a secret: {@link #toString()} leaves it out.
 *
 * @param claimToken the claim this attempt runs under
 * @param webhookUrl the Slack channel's incoming webhook, empty when the channel is not registered (or for email)
 */
public record Attempt(UUID deliveryId, UUID claimToken, Channel channel, String target, String title, String body,
        String htmlBody, Optional<String> webhookUrl) {

    @Override
    public String toString() {
        return "Attempt[delivery " + deliveryId + " to " + channel + " " + target + "]";
    }
}
