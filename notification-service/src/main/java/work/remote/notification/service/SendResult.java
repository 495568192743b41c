package work.remote.notification.service;

import java.time.Duration;

/**
 * How one attempt went: delivered, worth retrying (perhaps not before a time the target asked for), hopeless, or not
 * made because the recipient is outside the allowed ones. A message posted through Slack's Web API also says where
 * it is: {@code posted}.
 */
public record SendResult(Outcome outcome, String error, Duration retryAfter, Posted posted) {

    /** Where the Web API put a message: the channel's id, its ts, and the ts of the thread it is in (or null). */
    public record Posted(String channelId, String ts, String threadTs) {
    }

    public enum Outcome {
        DELIVERED, RETRY, GIVE_UP, RECIPIENT_REFUSED
    }

    public static SendResult delivered() {
        return new SendResult(Outcome.DELIVERED, null, null, null);
    }

    public static SendResult posted(String channelId, String ts, String threadTs) {
        return new SendResult(Outcome.DELIVERED, null, null, new Posted(channelId, ts, threadTs));
    }

    public static SendResult retry(String error) {
        return new SendResult(Outcome.RETRY, error, null, null);
    }

    public static SendResult retryAfter(String error, Duration retryAfter) {
        return new SendResult(Outcome.RETRY, error, retryAfter, null);
    }

    public static SendResult giveUp(String error) {
        return new SendResult(Outcome.GIVE_UP, error, null, null);
    }

    /** Nothing was sent: the recipient may not be mailed, for {@code reason}. */
    public static SendResult recipientRefused(String reason) {
        return new SendResult(Outcome.RECIPIENT_REFUSED, reason, null, null);
    }
}
