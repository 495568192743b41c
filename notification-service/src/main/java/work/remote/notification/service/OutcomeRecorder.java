package work.remote.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import work.remote.notification.Attempt;
import work.remote.platform.DrainLoop;

/**
 * Records the outcomes of attempts in batches, one transaction for all that have arrived (up to a batch), on a thread
 * of its own, so that senders go on sending meanwhile. An outcome stays in memory until the database takes it: it is
 * known, so its attempt is never repeated for want of a record. A batch that fails is tried again in halves, so that
 * one outcome the database refuses holds back no other for long; a single outcome that fails is tried again after a
 * pause that doubles up to a ceiling. Tells {@code recorded} about every attempt whose outcome is recorded, and
 * {@code laterMessagesDue} when a ticket's later messages that waited for one of them are due.
 */
final class OutcomeRecorder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);

    private final DeliveryAttempts attempts;
    private final DeliveryMetrics metrics;
    private final int batch;
    private final Consumer<List<Attempt>> recorded;
    private final Runnable laterMessagesDue;
    private final LinkedBlockingDeque<DeliveryAttempts.Outcome> waiting = new LinkedBlockingDeque<>();
    private final DrainLoop loop;
    private final Object progress = new Object();
    private int unrecorded;
    private int nextBatch;
    private Duration pause = FIRST_RETRY_DELAY;

    OutcomeRecorder(DeliveryAttempts attempts, DeliveryMetrics metrics, int batch,
            Consumer<List<Attempt>> recorded, Runnable laterMessagesDue) {
        this.attempts = attempts;
        this.metrics = metrics;
        this.batch = batch;
        this.nextBatch = batch;
        this.recorded = recorded;
        this.laterMessagesDue = laterMessagesDue;
        this.loop = new DrainLoop("delivery-recorder", this::drain);
    }

    void add(Attempt attempt, SendResult result) {
        synchronized (progress) {
            unrecorded++;
        }
        waiting.add(new DeliveryAttempts.Outcome(attempt, result));
        loop.nudge();
    }

    /**
     * Waits until every outcome that arrived is recorded, or {@code until}; answers how many are left unrecorded
     * (their claims run out and they are sent again).
     */
    int awaitRecorded(Instant until) {
        synchronized (progress) {
            while (unrecorded > 0 && Instant.now().isBefore(until)) {
                try {
                    progress.wait(Math.max(1, Duration.between(Instant.now(), until).toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return unrecorded;
        }
    }

    private Optional<Duration> drain() {
        List<DeliveryAttempts.Outcome> outcomes = new ArrayList<>();
        waiting.drainTo(outcomes, nextBatch);
        if (outcomes.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<UUID> ofTickets = attempts.record(outcomes);
            nextBatch = batch;
            pause = FIRST_RETRY_DELAY;
            wakeUpLaterMessages(ofTickets);
            recorded.accept(outcomes.stream().map(DeliveryAttempts.Outcome::attempt).toList());
            synchronized (progress) {
                unrecorded -= outcomes.size();
                progress.notifyAll();
            }
            return waiting.isEmpty() ? Optional.empty() : Optional.of(Duration.ZERO);
        } catch (RuntimeException e) {
            metrics.outcomeRecordRetried();
            LOG.warnf("Recording the outcomes of %d attempt(s) failed (%s); trying again%s", outcomes.size(), e,
                    outcomes.size() > 1 ? " in halves" : " in " + pause.toMillis() + " ms");
            if (outcomes.size() > 1) {
                nextBatch = Math.max(1, outcomes.size() / 2);
                for (int i = outcomes.size() - 1; i >= 0; i--) {
                    waiting.addFirst(outcomes.get(i));
                }
                return Optional.of(Duration.ZERO);
            }
            waiting.addLast(outcomes.get(0));
            Duration wait = pause;
            pause = pause.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : pause.multipliedBy(2);
            return Optional.of(wait);
        }
    }

    /** A failure here only delays the messages that wait for these until they look again by themselves. */
    private void wakeUpLaterMessages(List<UUID> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            attempts.wakeUpLaterMessages(deliveries);
            laterMessagesDue.run();
        } catch (RuntimeException e) {
            LOG.warnf("Deliveries %s: recorded, but the tickets' later messages that wait for them were not woken "
                    + "(%s); they look again within %d s", deliveries, e, SlackThreads.RECHECK.toSeconds());
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
