package work.remote.notification;

import java.util.Optional;
import java.util.UUID;

import work.remote.events.notification.Channel;

/**
 * What one claimed attempt sends, copied out of the delivery in the claim's transaction, so that the send itself
 * needs no database. Where a Slack message goes holds secrets (a webhook URL, a bot token): {@link #toString()}
 * leaves it out.
 *
 * @param claimToken the claim this attempt runs under
 * @param body the Slack message (Block Kit JSON) as it is sent, or the email's text
 * @param slack how the Slack message reaches Slack; empty for email
 */
public record Attempt(UUID deliveryId, UUID claimToken, Channel channel, String target, String title, String body,
        String htmlBody, Optional<SlackDestination> slack) {

    @Override
    public String toString() {
        return "Attempt[delivery " + deliveryId + " to " + channel + " " + target + "]";
    }
}
