package work.remote.notification.service;

import java.time.Duration;

/**
 * How one attempt went: delivered, worth retrying (perhaps not before a time the target asked for), hopeless, or not
 * made because the recipient is outside the allowed ones.
 */
public record SendResult(Outcome outcome, String error, Duration retryAfter) {

    public enum Outcome {
        DELIVERED, RETRY, GIVE_UP, RECIPIENT_REFUSED
    }

    public static SendResult delivered() {
        return new SendResult(Outcome.DELIVERED, null, null);
    }

    public static SendResult retry(String error) {
        return new SendResult(Outcome.RETRY, error, null);
    }

    public static SendResult retryAfter(String error, Duration retryAfter) {
        return new SendResult(Outcome.RETRY, error, retryAfter);
    }

    public static SendResult giveUp(String error) {
        return new SendResult(Outcome.GIVE_UP, error, null);
    }

    /** Nothing was sent: the recipient may not be mailed, for {@code reason}. */
    public static SendResult recipientRefused(String reason) {
        return new SendResult(Outcome.RECIPIENT_REFUSED, reason, null);
    }
}
