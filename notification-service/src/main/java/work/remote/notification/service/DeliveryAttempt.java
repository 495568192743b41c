package work.remote.notification.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import work.remote.events.notification.Channel;
import work.remote.notification.Attempt;

/**
 * Performs one claimed attempt: sends it outside any transaction, then records the outcome in a transaction of its
 * own, retried until it commits while the outcome waits in memory. A dropped database connection after the
 * provider's answer therefore never sends a message twice; only a process that dies between the answer and the
 * record leaves a claim that runs out and is sent again.
 */
@ApplicationScoped
public class DeliveryAttempt {

    private static final Logger LOG = Logger.getLogger(DeliveryAttempt.class);
    private static final Duration FIRST_RECORD_RETRY_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_RECORD_RETRY_DELAY = Duration.ofSeconds(5);

    private final DeliveryAttempts attempts;
    private final SlackSender slack;
    private final EmailSender email;
    private final DeliveryMetrics metrics;

    @Inject
    public DeliveryAttempt(DeliveryAttempts attempts, SlackSender slack, EmailSender email, DeliveryMetrics metrics) {
        this.attempts = attempts;
        this.slack = slack;
        this.email = email;
        this.metrics = metrics;
    }

    /** Sends {@code attempt} and records how it went; an unexpected failure leaves it due when its claim runs out. */
    public void perform(Attempt attempt) {
        try {
            SendResult result = switch (attempt.channel()) {
                case SLACK -> slack.send(attempt);
                case EMAIL -> email.send(attempt);
            };
            if (recordUntilCommitted(attempt, result) && attempt.channel() == Channel.SLACK) {
                wakeUpLaterMessages(attempt);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Delivery %s: the attempt failed unexpectedly; it is due again when its claim runs out",
                    attempt.deliveryId());
        }
    }

    /** A failure here only delays the messages that wait for this one until they look again by themselves. */
    private void wakeUpLaterMessages(Attempt attempt) {
        try {
            attempts.wakeUpLaterMessages(attempt);
        } catch (RuntimeException e) {
            LOG.warnf("Delivery %s: recorded, but the ticket's later messages that wait for it were not woken (%s); "
                    + "they look again within %d s", attempt.deliveryId(), e, SlackThreads.RECHECK.toSeconds());
        }
    }

    /**
     * Records the outcome until the database takes it, backing off between tries: the outcome is known, so the
     * attempt is never repeated for want of a record (the scheduler keeps it in flight meanwhile, so it does not
     * claim it again).
     *
     * @return whether it was recorded (false: stopped first)
     */
    private boolean recordUntilCommitted(Attempt attempt, SendResult result) {
        Duration pause = FIRST_RECORD_RETRY_DELAY;
        for (int failures = 1;; failures++) {
            try {
                attempts.record(attempt, result);
                return true;
            } catch (RuntimeException e) {
                metrics.outcomeRecordRetried();
                LOG.warnf("Delivery %s: the attempt ended %s, but recording it failed (%d time(s): %s); trying again "
                        + "in %d ms", attempt.deliveryId(), result.outcome(), failures, e, pause.toMillis());
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.errorf("Delivery %s: stopped before the outcome (%s) was recorded; it is due again when its "
                        + "claim runs out", attempt.deliveryId(), result.outcome());
                return false;
            }
            pause = pause.multipliedBy(2).compareTo(MAX_RECORD_RETRY_DELAY) > 0 ? MAX_RECORD_RETRY_DELAY
                    : pause.multipliedBy(2);
        }
    }
}
