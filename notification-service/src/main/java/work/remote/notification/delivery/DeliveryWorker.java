package work.remote.notification.delivery;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import work.remote.platform.DrainLoop;
import work.remote.events.notification.Channel;
import work.remote.notification.channel.ChannelRateLimiter;
import work.remote.notification.config.NotificationConfig;

/**
 * Sends due deliveries, as many at a time as it has senders. Each attempt is three steps: claim the delivery (a
 * short transaction: SENDING until a lease runs out, {@code SKIP LOCKED} so replicas never take the same one, plus a
 * token of its Slack channel's rate limit, shared by every replica through the database), send it outside any
 * transaction, and record the outcome in a transaction of its own, retried until it commits while the outcome waits
 * in memory. A dropped database connection after the provider's answer therefore never sends a message twice; only a
 * process that dies between the answer and the record leaves a claim that runs out and is sent again. A Slack channel
 * over its rate limit keeps its deliveries pending until it has a token again, without holding up other channels.
 * Transient failures back off exponentially with jitter for the retry window; a Slack {@code Retry-After} wins when
 * longer and pauses the channel.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int BATCH = 50;
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration FIRST_RECORD_RETRY_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_RECORD_RETRY_DELAY = Duration.ofSeconds(5);

    private final DeliveryAttempts attempts;
    private final SlackSender slack;
    private final EmailSender email;
    private final NotificationConfig.Delivery config;
    private final ChannelRateLimiter limiter;
    private final DeliveryMetrics metrics;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextWakeUp = new AtomicLong(System.nanoTime());
    private volatile Running running;

    /**
     * The sending machinery of one run between {@link #start()} and {@link #stop()}: a sender slot is taken before a
     * claim and given back once its outcome is recorded, so nothing claimed waits in a queue while its lease runs;
     * the wake-up timer nudges the loop when a throttled channel has its next token.
     */
    private record Running(DrainLoop loop, ExecutorService senders, Semaphore slots,
            ScheduledExecutorService wakeUp) {
    }

    @Inject
    public DeliveryWorker(DeliveryAttempts attempts, SlackSender slack, EmailSender email, NotificationConfig config,
            ChannelRateLimiter limiter, DeliveryMetrics metrics) {
        this.attempts = attempts;
        this.slack = slack;
        this.email = email;
        this.config = config.delivery();
        this.limiter = limiter;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent startup) {
        if (config.enabled()) {
            start();
        }
    }

    /** Starts sending whatever is due, as a freshly started service does. */
    public synchronized void start() {
        if (running != null) {
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        nextWakeUp.set(System.nanoTime());
        running = new Running(new DrainLoop("delivery-worker", this::drain),
                Executors.newFixedThreadPool(config.concurrency(), task -> daemon(task,
                        "delivery-sender-" + threads.incrementAndGet())),
                new Semaphore(config.concurrency()),
                Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "delivery-wake-up")));
        nudge();
    }

    /**
     * Stops sending: attempts under way finish and are recorded, nothing else starts. What is left stays pending
     * in the database for the next start (here or in another replica).
     */
    @PreDestroy
    public synchronized void stop() {
        Running stopping = running;
        if (stopping == null) {
            return;
        }
        running = null;
        stopping.loop().close();
        stopping.wakeUp().shutdownNow();
        stopping.senders().shutdown();
        try {
            if (!stopping.senders().awaitTermination(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("Delivery attempts still running after the stop grace period");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    public void nudge() {
        Running current = running;
        if (current != null) {
            current.loop().nudge();
        }
    }

    @Scheduled(every = "${notification.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    private Optional<Duration> drain() {
        Running current = running;
        if (current == null) {
            return Optional.empty();
        }
        ChannelRateLimiter.Throttled throttled = limiter.throttled();
        Set<String> throttledChannels = new HashSet<>(throttled.channels());
        Optional<Duration> tokenDue = throttled.shortestWait();
        List<DeliveryAttempts.DueDelivery> due = attempts.due(throttledChannels, BATCH);
        for (DeliveryAttempts.DueDelivery delivery : due) {
            if (inFlight.contains(delivery.id())
                    || delivery.channel() == Channel.SLACK && throttledChannels.contains(delivery.target())) {
                continue;
            }
            if (!current.slots().tryAcquire()) {
                break;
            }
            DeliveryAttempts.Claim claim;
            try {
                claim = attempts.claim(delivery);
            } catch (RuntimeException e) {
                current.slots().release();
                throw e;
            }
            if (claim.attempt().isPresent()) {
                dispatch(current, claim.attempt().get());
                continue;
            }
            current.slots().release();
            Duration wait = claim.tokenWait();
            if (!wait.isZero()) {
                throttledChannels.add(delivery.target());
                tokenDue = Optional.of(tokenDue.filter(other -> other.compareTo(wait) < 0).orElse(wait));
            }
        }
        tokenDue.ifPresent(wait -> wakeUpIn(current, wait));
        return Optional.empty();
    }

    private void dispatch(Running current, Attempt attempt) {
        inFlight.add(attempt.deliveryId());
        try {
            current.senders().execute(() -> sendAndRecord(current, attempt));
        } catch (RejectedExecutionException stopped) {
            inFlight.remove(attempt.deliveryId());
            current.slots().release();
            attempts.release(attempt);
        }
    }

    /** Nudges the loop after {@code wait}, unless a wake-up is already due no later. */
    private void wakeUpIn(Running current, Duration wait) {
        long at = System.nanoTime() + wait.toNanos();
        long pending = nextWakeUp.get();
        if (pending - System.nanoTime() > 0 && pending - at <= 0) {
            return;
        }
        nextWakeUp.set(at);
        try {
            current.wakeUp().schedule(this::nudge, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            nextWakeUp.set(System.nanoTime());
        }
    }

    /** One attempt; when it ends, the worker looks again, for what was due behind it. */
    private void sendAndRecord(Running current, Attempt attempt) {
        try {
            SendResult result = switch (attempt.channel()) {
                case SLACK -> slack.send(attempt);
                case EMAIL -> email.send(attempt);
            };
            recordUntilCommitted(attempt, result);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Delivery %s: the attempt failed unexpectedly; it is due again when its claim runs out",
                    attempt.deliveryId());
        } finally {
            inFlight.remove(attempt.deliveryId());
            current.slots().release();
            nudge();
        }
    }

    /**
     * Records the outcome until the database takes it, backing off between tries: the outcome is known, so the
     * attempt is never repeated for want of a record (its id stays in flight here, so this worker does not claim it
     * again meanwhile).
     */
    private void recordUntilCommitted(Attempt attempt, SendResult result) {
        Duration pause = FIRST_RECORD_RETRY_DELAY;
        for (int failures = 1;; failures++) {
            try {
                attempts.record(attempt, result);
                return;
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
                return;
            }
            pause = pause.multipliedBy(2).compareTo(MAX_RECORD_RETRY_DELAY) > 0 ? MAX_RECORD_RETRY_DELAY
                    : pause.multipliedBy(2);
        }
    }
}
