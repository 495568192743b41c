package work.remote.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

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
import work.remote.events.notification.NotificationDead;
import work.remote.events.notification.NotificationDelivered;
import work.remote.events.outbox.Outbox;
import work.remote.notification.config.NotificationConfig;

/**
 * Sends due deliveries, a few at a time, each in its own transaction holding its row lock ({@code SKIP LOCKED}),
 * so replicas never send the same delivery at once and a restart resumes where it stopped. A slow target holds
 * up only its own sender, never the retries of the others. Failed attempts back off
 * exponentially with jitter; a Slack {@code Retry-After} wins when longer.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int BATCH = 50;
    private static final int SKIP_LOCKED = -2;

    private final EntityManager entityManager;
    private final SlackSender slack;
    private final EmailSender email;
    private final NotificationConfig.Delivery config;
    private final Clock clock;
    private final Outbox outbox;
    private final DeliveryLinks links;
    private final DrainLoop loop = new DrainLoop("delivery-worker", this::drain);
    private final ExecutorService senders;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    @Inject
    public DeliveryWorker(EntityManager entityManager, SlackSender slack, EmailSender email, NotificationConfig config,
            Clock clock, Outbox outbox, DeliveryLinks links) {
        this.entityManager = entityManager;
        this.slack = slack;
        this.email = email;
        this.config = config.delivery();
        this.clock = clock;
        this.outbox = outbox;
        this.links = links;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(this.config.concurrency(), task -> {
            Thread thread = new Thread(task, "delivery-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void onStart(@Observes StartupEvent startup) {
        nudge();
    }

    public void nudge() {
        loop.nudge();
    }

    @Scheduled(every = "${notification.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        nudge();
    }

    private Optional<Duration> drain() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("""
                select d.id from Delivery d
                where d.state = work.remote.notification.delivery.Delivery.State.PENDING and d.nextAttemptAt <= :now
                order by d.nextAttemptAt""", UUID.class)
                .setParameter("now", clock.instant())
                .setMaxResults(BATCH)
                .getResultList());
        for (UUID id : due) {
            if (inFlight.add(id)) {
                senders.execute(() -> send(id));
            }
        }
        return Optional.empty();
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
                java.util.Map.of(SpecHints.HINT_SPEC_LOCK_TIMEOUT, SKIP_LOCKED));
        if (delivery == null || delivery.state != Delivery.State.PENDING
                || delivery.nextAttemptAt.isAfter(clock.instant())) {
            return;
        }
        SendResult result = switch (delivery.channel) {
            case SLACK -> slack.send(delivery);
            case EMAIL -> email.send(delivery);
        };
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

    @PreDestroy
    void stop() {
        loop.close();
        senders.shutdown();
    }
}
