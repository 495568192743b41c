package work.remote.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import work.remote.notification.Attempt;
import work.remote.notification.config.NotificationConfig;
import work.remote.platform.DrainLoop;

/**
 * Decides what is sent when. The deliveries an event planned are handed over once the planner's transaction commits
 * ({@link #planned}) and claimed at once; a look for everything else that is due (retries, deliveries another replica
 * or an earlier run left, channels whose token is back) runs on every poll and whenever there may be more than the
 * last claim took. A claim takes a batch in one short transaction (SENDING until a lease runs out, {@code SKIP LOCKED}
 * so replicas never take the same one, plus the tokens of their Slack channels' rate limits, shared by every replica
 * through the database); senders send them concurrently, at most {@code concurrency} at a time and at most
 * {@code per-target-concurrency} to one target, so that a slow target never holds back the others; the outcomes are
 * recorded in batches ({@link OutcomeRecorder}). A Slack channel over its rate limit keeps its deliveries pending until
 * it has a token again, without holding up other channels.
 */
@ApplicationScoped
public class DeliveryScheduler {

    private static final Logger LOG = Logger.getLogger(DeliveryScheduler.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final DeliveryAttempts attempts;
    private final DeliveryAttempt attempt;
    private final DeliveryMetrics metrics;
    private final NotificationConfig.Delivery config;
    private final Map<UUID, String> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Integer> inFlightPerTarget = new HashMap<>();
    private final Queue<String> plannedEvents = new ConcurrentLinkedQueue<>();
    private final AtomicInteger plannedWaiting = new AtomicInteger();
    private final AtomicBoolean lookForDue = new AtomicBoolean(true);
    private final AtomicLong nextWakeUp = new AtomicLong(System.nanoTime());
    private volatile Running running;

    /**
     * The sending machinery of one run between {@link #start()} and {@link #stop()}: a sender slot is taken before a
     * claim and given back once its outcome is recorded, so nothing claimed waits in a queue while its lease runs;
     * the wake-up timer looks again when a throttled channel has its next token.
     */
    private record Running(DrainLoop loop, ExecutorService senders, Semaphore slots, OutcomeRecorder recorder,
            ScheduledExecutorService wakeUp) {
    }

    @Inject
    public DeliveryScheduler(DeliveryAttempts attempts, DeliveryAttempt attempt, DeliveryMetrics metrics,
            NotificationConfig config) {
        this.attempts = attempts;
        this.attempt = attempt;
        this.metrics = metrics;
        this.config = config.delivery();
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
        Running starting = new Running(new DrainLoop("delivery-worker", this::drain),
                Executors.newFixedThreadPool(config.concurrency(), task -> daemon(task,
                        "delivery-sender-" + threads.incrementAndGet())),
                new Semaphore(config.concurrency()),
                new OutcomeRecorder(attempts, metrics, config.batchSize(), this::finished, this::nudge),
                Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "delivery-wake-up")));
        running = starting;
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
        Instant until = Instant.now().plus(STOP_GRACE);
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
        int unrecorded = stopping.recorder().awaitRecorded(until);
        if (unrecorded > 0) {
            LOG.errorf("Stopped before the outcomes of %d attempt(s) were recorded; they are due again when their "
                    + "claims run out", unrecorded);
        }
        stopping.recorder().close();
        plannedEvents.clear();
        plannedWaiting.set(0);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Looks for everything that is due (a replay, an escalation, the poll). */
    public void nudge() {
        lookForDue.set(true);
        wakeUp();
    }

    /**
     * Hands over the deliveries that event {@code ceId} planned, once they are committed, to be claimed without a
     * look for what is due. Beyond what a few batches hold, the next look finds them.
     */
    public void planned(String ceId) {
        if (plannedWaiting.get() >= config.batchSize() * 10) {
            nudge();
            return;
        }
        plannedWaiting.incrementAndGet();
        plannedEvents.add(ceId);
        wakeUp();
    }

    private void wakeUp() {
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
        List<String> events = new ArrayList<>();
        for (String ceId; events.size() < config.batchSize() && (ceId = plannedEvents.poll()) != null;) {
            plannedWaiting.decrementAndGet();
            events.add(ceId);
        }
        if (!events.isEmpty() && !claim(current, room -> attempts.claimPlanned(events, room, config.batchSize()))) {
            lookForDue.set(true);
        }
        if (lookForDue.getAndSet(false)
                && !claim(current, room -> attempts.claimDue(room, config.batchSize()))) {
            lookForDue.set(true);
        }
        return plannedEvents.isEmpty() || current.slots().availablePermits() == 0 ? Optional.empty()
                : Optional.of(Duration.ZERO);
    }

    /**
     * Claims what {@code claim} takes, as many as there are free senders, and starts sending it.
     *
     * @return whether the claim took all there was: false when it was cut short by the free senders, the batch or a
     *         busy target, so that there may be more due (a channel out of tokens is looked at again when its next
     *         token is there)
     */
    private boolean claim(Running current, Function<DeliveryAttempts.Room, DeliveryAttempts.Claimed> claim) {
        int free = current.slots().availablePermits();
        if (free == 0 || !current.slots().tryAcquire(free)) {
            return false;
        }
        DeliveryAttempts.Claimed claimed;
        try {
            claimed = claim.apply(room(free));
        } catch (RuntimeException e) {
            current.slots().release(free);
            throw e;
        }
        current.slots().release(free - claimed.attempts().size());
        claimed.attempts().forEach(each -> dispatch(current, each));
        claimed.throttled().values().stream().min(Duration::compareTo).ifPresent(wait -> wakeUpIn(current, wait));
        return !claimed.cutShort();
    }

    /** What the claim may take: {@code free} deliveries, and to each target what its senders leave room for. */
    private DeliveryAttempts.Room room(int free) {
        Map<String, Integer> left = new HashMap<>();
        synchronized (inFlightPerTarget) {
            inFlightPerTarget.forEach((target, sending) -> left.put(target,
                    Math.max(0, config.perTargetConcurrency() - sending)));
        }
        return new DeliveryAttempts.Room(free, left, config.perTargetConcurrency(), Set.copyOf(inFlight.keySet()));
    }

    private void dispatch(Running current, Attempt claimed) {
        inFlight.put(claimed.deliveryId(), claimed.target());
        synchronized (inFlightPerTarget) {
            inFlightPerTarget.merge(claimed.target(), 1, Integer::sum);
        }
        try {
            current.senders().execute(() -> send(current, claimed));
        } catch (RejectedExecutionException stopped) {
            finished(List.of(claimed));
            attempts.release(claimed);
        }
    }

    /** One attempt; its outcome goes to the recorder, which frees its sender once it is recorded. */
    private void send(Running current, Attempt claimed) {
        attempt.send(claimed).ifPresentOrElse(result -> current.recorder().add(claimed, result),
                () -> finished(List.of(claimed)));
    }

    /**
     * The attempts are over (recorded, or left to their claims): their senders are free for what was due behind
     * them, and a target that had all the senders it may have gets its due deliveries looked for.
     */
    private void finished(List<Attempt> done) {
        synchronized (inFlightPerTarget) {
            for (Attempt each : done) {
                inFlight.remove(each.deliveryId());
                Integer sending = inFlightPerTarget.get(each.target());
                if (sending != null && sending >= config.perTargetConcurrency()) {
                    lookForDue.set(true);
                }
                inFlightPerTarget.computeIfPresent(each.target(), (target, count) -> count > 1 ? count - 1 : null);
            }
        }
        Running current = running;
        if (current != null) {
            current.slots().release(done.size());
            if (lookForDue.get() || !plannedEvents.isEmpty()) {
                current.loop().nudge();
            }
        }
    }

    /** Looks again after {@code wait}, unless a wake-up is already due no later. */
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
}
