package work.remote.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.jpa.SpecHints;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import work.remote.events.DrainLoop;
import work.remote.events.notification.Channel;
import work.remote.events.notification.NotificationDead;
import work.remote.events.notification.NotificationDelivered;
import work.remote.events.outbox.Outbox;
import work.remote.notification.channel.ChannelRateLimiter;
import work.remote.notification.config.NotificationConfig;

/**
 * Sends due deliveries, a few at a time, each in its own transaction holding its row lock ({@code SKIP LOCKED}),
 * so replicas never send the same delivery at once and a restart resumes where it stopped. A slow target holds
 * up only its own sender, never the retries of the others. A Slack channel over its rate limit keeps its
 * deliveries pending until it has a token again, without holding up other channels. Failed attempts back off
 * exponentially with jitter; a Slack {@code Retry-After} wins when longer and pauses the channel.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int BATCH = 50;
    private static final int SKIP_LOCKED = -2;
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final EntityManager entityManager;
    private final SlackSender slack;
    private final EmailSender email;
    private final NotificationConfig.Delivery config;
    private final Clock clock;
    private final Outbox outbox;
    private final DeliveryLinks links;
    private final ChannelRateLimiter limiter;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextWakeUp = new AtomicLong(System.nanoTime());
    private volatile Running running;

    /**
     * The sending machinery of one run between {@link #start()} and {@link #stop()}; the wake-up timer nudges the
     * loop when a throttled channel has its next token (a delayed run of the loop would hold back the nudges of
     * every other channel until then).
     */
    private record Running(DrainLoop loop, ExecutorService senders, ScheduledExecutorService wakeUp) {
    }

    @Inject
    public DeliveryWorker(EntityManager entityManager, SlackSender slack, EmailSender email, NotificationConfig config,
            Clock clock, Outbox outbox, DeliveryLinks links, ChannelRateLimiter limiter) {
        this.entityManager = entityManager;
        this.slack = slack;
        this.email = email;
        this.config = config.delivery();
        this.clock = clock;
        this.outbox = outbox;
        this.links = links;
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
                Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "delivery-wake-up")));
        nudge();
    }

    /**
     * Stops sending: attempts under way finish and are recorded, nothing else starts. What is left stays pending
     * in the database for the next start (here or in another replica), with the rate limits starting afresh.
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
        limiter.forgetAll();
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
        List<DueDelivery> due = QuarkusTransaction.requiringNew().call(() -> dueDeliveries(throttled.channels()));
        Optional<Duration> tokenDue = throttled.shortestWait();
        for (DueDelivery delivery : due) {
            if (inFlight.contains(delivery.id())) {
                continue;
            }
            if (delivery.channel() == Channel.SLACK) {
                Duration wait = limiter.take(delivery.target());
                if (!wait.isZero()) {
                    tokenDue = Optional.of(tokenDue.filter(other -> other.compareTo(wait) < 0).orElse(wait));
                    continue;
                }
            }
            inFlight.add(delivery.id());
            try {
                current.senders().execute(() -> send(delivery.id()));
            } catch (RejectedExecutionException stopped) {
                inFlight.remove(delivery.id());
            }
        }
        tokenDue.ifPresent(wait -> wakeUpIn(current, wait));
        return Optional.empty();
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

    private record DueDelivery(UUID id, Channel channel, String target) {
    }

    /** The oldest due deliveries, leaving out Slack channels that are over their limit. */
    private List<DueDelivery> dueDeliveries(Set<String> throttledChannels) {
        String notThrottled = throttledChannels.isEmpty() ? ""
                : " and not (d.channel = work.remote.events.notification.Channel.SLACK and d.target in :throttled)";
        var query = entityManager.createQuery("""
                select d.id, d.channel, d.target from Delivery d
                where d.state = work.remote.notification.delivery.Delivery.State.PENDING and d.nextAttemptAt <= :now"""
                + notThrottled + " order by d.nextAttemptAt", Object[].class)
                .setParameter("now", clock.instant())
                .setMaxResults(BATCH);
        if (!throttledChannels.isEmpty()) {
            query.setParameter("throttled", throttledChannels);
        }
        return query.getResultList().stream()
                .map(row -> new DueDelivery((UUID) row[0], (Channel) row[1], (String) row[2])).toList();
    }

    /** One attempt; when it ends, the worker looks again, for what was due behind it. */
    private void send(UUID id) {
        try {
            QuarkusTransaction.requiringNew().run(() -> attempt(id));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Delivery %s: the attempt failed unexpectedly; it stays pending", id);
        } finally {
            inFlight.remove(id);
            nudge();
        }
    }

    private void attempt(UUID id) {
        Delivery delivery = entityManager.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE,
                Map.of(SpecHints.HINT_SPEC_LOCK_TIMEOUT, SKIP_LOCKED));
        if (delivery == null || delivery.state != Delivery.State.PENDING
                || delivery.nextAttemptAt.isAfter(clock.instant())) {
            return;
        }
        SendResult result = switch (delivery.channel) {
            case SLACK -> slack.send(delivery);
            case EMAIL -> email.send(delivery);
        };
        if (result.retryAfter() != null) {
            limiter.pause(delivery.target, result.retryAfter());
        }
        switch (result.outcome()) {
            case DELIVERED -> delivery.delivered(clock.instant());
            case RETRY -> delivery.failed(result.error(), backoff(delivery.attempts + 1, result.retryAfter()),
                    config.maxAttempts(), clock.instant());
            case GIVE_UP -> delivery.failed(result.error(), Duration.ZERO, delivery.attempts + 1, clock.instant());
        }
        if (delivery.state == Delivery.State.DELIVERED) {
            outbox.publish(new NotificationDelivered(delivery.id, UUID.fromString(delivery.ceId), delivery.ceType,
                    delivery.subject, delivery.channel, delivery.target, delivery.attempts, delivery.deliveredAt,
                    links.delivery(delivery.id)));
        } else if (delivery.state == Delivery.State.DEAD) {
            outbox.publish(new NotificationDead(delivery.id, UUID.fromString(delivery.ceId), delivery.ceType,
                    delivery.subject, delivery.channel, delivery.target, delivery.attempts, delivery.lastError,
                    clock.instant(), links.delivery(delivery.id)));
            LOG.errorf("Delivery %s of %s to %s %s is dead after %d attempt(s): %s", delivery.id, delivery.ceType,
                    delivery.channel, delivery.target, delivery.attempts, delivery.lastError);
        } else if (delivery.state == Delivery.State.PENDING) {
            LOG.warnf("Delivery %s to %s %s failed (attempt %d), next at %s: %s", delivery.id, delivery.channel,
                    delivery.target, delivery.attempts, delivery.nextAttemptAt, delivery.lastError);
        }
    }

    /** Exponential backoff with full jitter for {@code attempt} (1-based), never shorter than the target asked. */
    Duration backoff(int attempt, Duration requested) {
        long ceiling = Math.min(config.maxRetryDelay().toMillis(),
                config.firstRetryDelay().toMillis() << Math.min(attempt - 1, 20));
        Duration jittered = Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
        return requested != null && requested.compareTo(jittered) > 0 ? requested : jittered;
    }
}
