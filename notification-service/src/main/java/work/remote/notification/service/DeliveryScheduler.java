package work.remote.notification.service;

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

import work.remote.events.notification.Channel;
import work.remote.notification.Attempt;
import work.remote.notification.config.NotificationConfig;
import work.remote.platform.DrainLoop;

/**
 * Decides what is sent when: finds the due deliveries, claims each for one attempt (a short transaction: SENDING
 * until a lease runs out, {@code SKIP LOCKED} so replicas never take the same one, plus a token of its Slack
 * channel's rate limit, shared by every replica through the database) and hands it to a sender, as many at a time as
 * it has senders; {@link DeliveryAttempt} performs it. A Slack channel over its rate limit keeps its deliveries
 * pending until it has a token again, without holding up other channels.
 */
@ApplicationScoped
public class DeliveryScheduler {

    private static final Logger LOG = Logger.getLogger(DeliveryScheduler.class);
    private static final int BATCH = 50;
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final DeliveryAttempts attempts;
    private final DeliveryAttempt attempt;
    private final NotificationConfig.Delivery config;
    private final ChannelRateLimiter limiter;
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
    public DeliveryScheduler(DeliveryAttempts attempts, DeliveryAttempt attempt, NotificationConfig config,
            ChannelRateLimiter limiter) {
        this.attempts = attempts;
        this.attempt = attempt;
        this.config = config.delivery();
        this.limiter = limiter;
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

    private void dispatch(Running current, Attempt claimed) {
        inFlight.add(claimed.deliveryId());
        try {
            current.senders().execute(() -> perform(current, claimed));
        } catch (RejectedExecutionException stopped) {
            inFlight.remove(claimed.deliveryId());
            current.slots().release();
            attempts.release(claimed);
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

    /** One attempt; when it ends, the scheduler looks again, for what was due behind it. */
    private void perform(Running current, Attempt claimed) {
        try {
            attempt.perform(claimed);
        } finally {
            inFlight.remove(claimed.deliveryId());
            current.slots().release();
            nudge();
        }
    }
}
