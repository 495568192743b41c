package work.remote.notification.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import work.remote.notification.Attempt;

/**
 * Makes one claimed attempt, outside any transaction: how it went is recorded afterwards, with other outcomes
 * ({@link OutcomeRecorder}), while the outcome waits in memory. A dropped database connection after the provider's
 * answer therefore never sends a message twice; only a process that dies between the answer and the record leaves a
 * claim that runs out and is sent again.
 */
@ApplicationScoped
public class DeliveryAttempt {

    private static final Logger LOG = Logger.getLogger(DeliveryAttempt.class);

    private final SlackSender slack;
    private final EmailSender email;

    @Inject
    public DeliveryAttempt(SlackSender slack, EmailSender email) {
        this.slack = slack;
        this.email = email;
    }

    /** Sends {@code attempt}; empty when it failed unexpectedly, so it is due again when its claim runs out. */
    public Optional<SendResult> send(Attempt attempt) {
        try {
            return Optional.of(switch (attempt.channel()) {
                case SLACK -> slack.send(attempt);
                case EMAIL -> email.send(attempt);
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "Delivery %s: the attempt failed unexpectedly; it is due again when its claim runs out",
                    attempt.deliveryId());
            return Optional.empty();
        }
    }
}
