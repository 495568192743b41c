package work.remote.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.jpa.SpecHints;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import work.remote.events.EventType;
import work.remote.events.notification.Channel;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.notification.Attempt;
import work.remote.notification.Delivery;
import work.remote.notification.SlackDestination;
import work.remote.notification.config.NotificationConfig;
import work.remote.platform.links.Links;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.query.Locking;

/**
 * The short transactions around one attempt: finding what is due, claiming a delivery (and its channel's token) for
 * one sender, and recording the outcome once the send is over. No transaction is open while a message is sent, so a
 * database that drops its connections after Slack answered cannot make the message go twice.
 */
@ApplicationScoped
public class DeliveryAttempts {

    private static final Logger LOG = Logger.getLogger(DeliveryAttempts.class);
    private static final String CRITICAL_ISSUE = EventType.of(CriticalIssueReported.class).ceType();

    private final EntityManager entityManager;
    private final Clock clock;
    private final NotificationConfig.Delivery config;
    private final ChannelRateLimiter limiter;
    private final Outbox outbox;
    private final Links links;
    private final DeliveryMetrics metrics;
    private final CriticalIssueEscalation escalation;
    private final SlackThreads threads;

    @Inject
    public DeliveryAttempts(EntityManager entityManager, Clock clock, NotificationConfig config,
            ChannelRateLimiter limiter, Outbox outbox, Links links, DeliveryMetrics metrics,
            CriticalIssueEscalation escalation, SlackThreads threads) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config.delivery();
        this.limiter = limiter;
        this.outbox = outbox;
        this.links = links;
        this.metrics = metrics;
        this.escalation = escalation;
        this.threads = threads;
    }

    public record DueDelivery(UUID id, Channel channel, String target) {
    }

    /**
     * How a claim went: the attempt to send; or none, with how long the channel waits for a token (zero when the
     * delivery was taken by another sender or is no longer due).
     */
    public record Claim(Optional<Attempt> attempt, Duration tokenWait) {

        static Claim of(Attempt attempt) {
            return new Claim(Optional.of(attempt), Duration.ZERO);
        }

        static Claim throttled(Duration wait) {
            return new Claim(Optional.empty(), wait);
        }

        static Claim gone() {
            return new Claim(Optional.empty(), Duration.ZERO);
        }
    }

    /**
     * The oldest due deliveries (pending, or claimed by a sender whose lease ran out), leaving out Slack channels
     * that are over their limit.
     */
    public List<DueDelivery> due(Set<String> throttledChannels, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String notThrottled = throttledChannels.isEmpty() ? ""
                    : " and not (d.channel = work.remote.events.notification.Channel.SLACK and d.target in :throttled)";
            var query = entityManager.createQuery("""
                    select d.id, d.channel, d.target from Delivery d
                    where d.state in (work.remote.notification.Delivery.State.PENDING,
                                      work.remote.notification.Delivery.State.SENDING)
                      and d.nextAttemptAt <= :now""" + notThrottled + " order by d.nextAttemptAt", Object[].class)
                    .setParameter("now", clock.instant())
                    .setMaxResults(limit);
            if (!throttledChannels.isEmpty()) {
                query.setParameter("throttled", throttledChannels);
            }
            return query.getResultList().stream()
                    .map(row -> new DueDelivery((UUID) row[0], (Channel) row[1], (String) row[2])).toList();
        });
    }

    /**
     * Claims {@code due} for one attempt until the lease runs out, taking a token of its Slack channel, in one short
     * transaction; a delivery another sender holds ({@code SKIP LOCKED}) or took meanwhile is gone, and so is one that
     * waits for the ticket's earlier messages to its channel ({@link SlackThreads}), pending until then.
     */
    public Claim claim(DueDelivery due) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Delivery delivery = entityManager.find(Delivery.class, due.id(), LockModeType.PESSIMISTIC_WRITE,
                    Map.of(SpecHints.HINT_SPEC_LOCK_TIMEOUT, Locking.SKIP_LOCKED));
            Instant now = clock.instant();
            if (delivery == null || !delivery.isDue(now)) {
                return Claim.gone();
            }
            Optional<SlackDestination> destination = Optional.empty();
            String body = delivery.body;
            if (delivery.channel == Channel.SLACK) {
                SlackThreads.Decision decision = threads.decide(delivery, now);
                if (decision.waits()) {
                    delivery.awaitEarlierMessages(decision.waitUntil(), decision.why());
                    return Claim.gone();
                }
                Duration wait = limiter.take(delivery.target);
                if (!wait.isZero()) {
                    return Claim.throttled(wait);
                }
                destination = Optional.of(decision.destination());
                body = decision.message();
            }
            if (delivery.state == Delivery.State.SENDING) {
                LOG.warnf("Delivery %s to %s %s: its last claim ran out without an outcome (the sender stopped "
                        + "mid-send?); sending it again", delivery.id, delivery.channel, delivery.target);
            }
            UUID token = delivery.claim(now, config.claimLease());
            return Claim.of(new Attempt(delivery.id, token, delivery.channel, delivery.target, delivery.title,
                    body, delivery.htmlBody, destination));
        });
    }

    /** Gives back a claim whose attempt never started (the worker stopped): due again at once. */
    public void release(Attempt attempt) {
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery delivery = entityManager.find(Delivery.class, attempt.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
            if (delivery != null) {
                delivery.release(attempt.claimToken(), clock.instant());
            }
        });
    }

    /**
     * Records how {@code attempt} went, in its own transaction, with the event that announces it. A delivery whose
     * claim ran out and passed to another sender keeps that sender's outcome, unless this one delivered it.
     */
    public void record(Attempt attempt, SendResult result) {
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery delivery = entityManager.find(Delivery.class, attempt.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
            if (delivery == null) {
                return;
            }
            Instant now = clock.instant();
            if (result.retryAfter() != null && delivery.channel == Channel.SLACK) {
                limiter.pause(delivery.target, result.retryAfter());
            }
            boolean delivered = result.outcome() == SendResult.Outcome.DELIVERED;
            if (!delivery.isClaimedWith(attempt.claimToken())
                    && (!delivered || delivery.state == Delivery.State.DELIVERED)) {
                LOG.warnf("Delivery %s: its claim ran out before this attempt's outcome (%s) was recorded; the "
                        + "attempt that took it over decides", delivery.id, result.outcome());
                return;
            }
            switch (result.outcome()) {
                case DELIVERED -> {
                    if (result.posted() != null) {
                        delivery.posted(now, result.posted().channelId(), result.posted().ts(),
                                result.posted().threadTs());
                    } else {
                        delivery.delivered(now);
                    }
                }
                case RETRY -> delivery.failed(result.error(), backoff(delivery.attempts + 1, result.retryAfter()),
                        config.retryWindow(), now).ifPresent(cause -> died(delivery, cause));
                case GIVE_UP -> died(delivery, delivery.refused(result.error()));
                case RECIPIENT_REFUSED -> died(delivery, delivery.recipientRefused(result.error()));
            }
            if (delivery.state == Delivery.State.DELIVERED) {
                outbox.publish(delivery.deliveredEvent(links.to("deliveries", delivery.id)));
            } else if (delivery.state == Delivery.State.PENDING) {
                metrics.retried(delivery.channel);
                LOG.warnf("Delivery %s to %s %s failed (attempt %d), next at %s: %s", delivery.id, delivery.channel,
                        delivery.target, delivery.attempts, delivery.nextAttemptAt, delivery.lastError);
            }
        });
    }

    /**
     * Once the outcome of {@code attempt} is committed, makes the ticket's later messages to the same Slack channel
     * that wait for it due at once ({@link SlackThreads}). After the commit, so that a message that saw this one
     * still out, and went back to waiting, is woken too.
     */
    public void wakeUpLaterMessages(Attempt attempt) {
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery delivery = entityManager.find(Delivery.class, attempt.deliveryId());
            if (delivery != null && delivery.state != Delivery.State.PENDING
                    && delivery.state != Delivery.State.SENDING) {
                threads.wakeUpLaterMessages(delivery, clock.instant());
            }
        });
    }

    private void died(Delivery delivery, Delivery.DeathCause cause) {
        metrics.dead(delivery.channel, cause);
        outbox.publish(delivery.deadEvent(clock.instant(), links.to("deliveries", delivery.id)));
        LOG.errorf("Delivery %s of %s to %s %s is dead after %d attempt(s): %s", delivery.id, delivery.ceType,
                delivery.channel, delivery.target, delivery.attempts, delivery.lastError);
        if (delivery.channel == Channel.SLACK && delivery.purpose == Delivery.Purpose.NOTICE
                && CRITICAL_ISSUE.equals(delivery.ceType)) {
            escalation.escalate(delivery.ceId, CriticalIssueEscalation.Trigger.DEAD);
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
