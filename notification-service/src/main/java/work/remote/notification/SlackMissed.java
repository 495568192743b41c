package work.remote.notification;

import java.util.List;
import java.util.UUID;

/**
 * What an escalation email says: which critical issue Slack did not get, where its ticket is, and why each of its
 * Slack messages is not out.
 *
 * @param title the Slack message's title, e.g. {@code CRITICAL: Withdrawals fail for user 42}
 * @param link the ticket, or {@code null} when the event named none
 */
public record SlackMissed(String title, UUID ticketId, String link, List<Miss> misses) {

    /** One Slack channel that did not get the message, and why. */
    public record Miss(String channel, String why) {
    }

    public String subject() {
        return "Not on Slack: " + title;
    }
}
