package work.remote.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.jpa.HibernateHints;
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
 * The short transactions around the attempts: claiming a batch of due deliveries (and their channels' tokens) for the
 * senders, and recording a batch of outcomes once their sends are over. No transaction is open while a message is
 * sent, so a database that drops its connections after Slack answered cannot make the message go twice.
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
    private final DeliveryStates states;

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
        this.states = new DeliveryStates(entityManager);
    }

    /**
     * What one claim took: the attempts to send now; the Slack channels that had no token for all of their due
     * deliveries, with how long until their next one; and whether it left due deliveries behind for want of room.
     */
    public record Claimed(List<Attempt> attempts, Map<String, Duration> throttled, boolean cutShort) {
    }

    /**
     * How much a claim may take: {@code free} deliveries in all, to a target no more than its senders leave room for
     * ({@code leftPerTarget}, else {@code perTarget}), and none of those still {@code sending} (their claims ran out
     * while their outcomes wait to be recorded).
     */
    public record Room(int free, Map<String, Integer> leftPerTarget, int perTarget, Set<UUID> sending) {

        Set<String> busyTargets() {
            return leftPerTarget.entrySet().stream().filter(left -> left.getValue() <= 0).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
        }
    }

    /**
     * Claims the oldest due deliveries (pending, or claimed by a sender whose lease ran out), up to {@code batch} and
     * what {@code room} leaves, in one short transaction, leaving out the Slack channels over their limit.
     */
    public Claimed claimDue(Room room, int batch) {
        return claim(null, room, batch);
    }

    /**
     * Claims the due deliveries the events {@code ceIds} planned, as {@link #claimDue} does: the planner hands them
     * over once they are committed, so that they go out without waiting for a look for what is due.
     */
    public Claimed claimPlanned(Collection<String> ceIds, Room room, int batch) {
        return claim(ceIds, room, batch);
    }

    /**
     * Claims each delivery for one attempt until the lease runs out, taking the tokens of their Slack channels for
     * all of them at once; a delivery another sender holds ({@code SKIP LOCKED}) is left to it, and one that waits for
     * the ticket's earlier messages to its channel ({@link SlackThreads}) stays pending until then. An update of a
     * message ({@code chat.update}) takes no token: Slack limits it apart from posting.
     */
    private Claimed claim(Collection<String> ceIds, Room room, int batch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ChannelRateLimiter.Throttled throttled = ceIds == null ? limiter.throttled()
                    : ChannelRateLimiter.Throttled.NONE;
            Instant now = clock.instant();
            int limit = Math.min(batch, room.free());
            List<Delivery> due = due(ceIds, throttled.channels(), room.busyTargets(), now, limit);
            Map<String, Integer> left = new HashMap<>(room.leftPerTarget());
            List<Delivery> taken = new ArrayList<>();
            boolean cutShort = due.size() == limit;
            for (Delivery delivery : due) {
                int roomLeft = left.getOrDefault(delivery.target, room.perTarget());
                if (roomLeft <= 0 || room.sending().contains(delivery.id)) {
                    cutShort = true;
                    continue;
                }
                left.put(delivery.target, roomLeft - 1);
                taken.add(delivery);
            }
            ChannelRateLimiter.Locked channels = limiter.lock(taken.stream()
                    .filter(delivery -> delivery.channel == Channel.SLACK).map(delivery -> delivery.target)
                    .collect(Collectors.toCollection(TreeSet::new)));
            List<Attempt> attempts = new ArrayList<>();
            List<Delivery> changed = new ArrayList<>();
            Map<String, List<Claimable>> postsByChannel = new TreeMap<>();
            for (Delivery delivery : taken) {
                if (delivery.channel != Channel.SLACK) {
                    attempts.add(claimed(delivery, now, delivery.body, Optional.empty()));
                    changed.add(delivery);
                    continue;
                }
                SlackThreads.Decision decision = threads.decide(delivery, channels.settings(delivery.target), now);
                if (decision.waits()) {
                    delivery.awaitEarlierMessages(decision.waitUntil(), decision.why());
                    changed.add(delivery);
                } else if (decision.destination() instanceof SlackDestination.WebApi api && api.isUpdate()) {
                    attempts.add(claimed(delivery, now, decision.message(), Optional.of(decision.destination())));
                    changed.add(delivery);
                } else {
                    postsByChannel.computeIfAbsent(delivery.target, any -> new ArrayList<>())
                            .add(new Claimable(delivery, decision));
                }
            }
            Map<String, Duration> waits = new HashMap<>(throttled.waits());
            postsByChannel.forEach((channel, posts) -> {
                ChannelRateLimiter.Grant grant = channels.take(channel, posts.size());
                posts.subList(0, grant.granted()).forEach(post -> {
                    attempts.add(claimed(post.delivery(), now, post.decision().message(),
                            Optional.of(post.decision().destination())));
                    changed.add(post.delivery());
                });
                if (grant.granted() < posts.size()) {
                    waits.put(channel, grant.untilNextToken());
                }
            });
            channels.save();
            states.save(changed);
            return new Claimed(attempts, waits, cutShort);
        });
    }

    private record Claimable(Delivery delivery, SlackThreads.Decision decision) {
    }

    /**
     * The due deliveries, oldest first, locked for this transaction; those another transaction holds are skipped.
     * Read-only: what a claim changes in them is written by {@link DeliveryStates#save}.
     */
    private List<Delivery> due(Collection<String> ceIds, Set<String> throttled, Set<String> busy, Instant now,
            int limit) {
        StringBuilder where = new StringBuilder("""
                from Delivery d
                where d.state in (work.remote.notification.Delivery.State.PENDING,
                                  work.remote.notification.Delivery.State.SENDING)
                  and d.nextAttemptAt <= :now""");
        if (ceIds != null) {
            where.append(" and d.ceId in :events");
        }
        if (!throttled.isEmpty()) {
            where.append(" and not (d.channel = work.remote.events.notification.Channel.SLACK"
                    + " and d.purpose <> work.remote.notification.Delivery.Purpose.UPDATE and d.target in :throttled)");
        }
        if (!busy.isEmpty()) {
            where.append(" and d.target not in :busy");
        }
        var query = entityManager.createQuery(where + " order by d.nextAttemptAt, d.seq", Delivery.class)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, Locking.SKIP_LOCKED)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .setMaxResults(limit);
        if (ceIds != null) {
            query.setParameter("events", ceIds);
        }
        if (!throttled.isEmpty()) {
            query.setParameter("throttled", throttled);
        }
        if (!busy.isEmpty()) {
            query.setParameter("busy", busy);
        }
        return query.getResultList();
    }

    private Attempt claimed(Delivery delivery, Instant now, String body, Optional<SlackDestination> destination) {
        if (delivery.state == Delivery.State.SENDING) {
            LOG.warnf("Delivery %s to %s %s: its last claim ran out without an outcome (the sender stopped "
                    + "mid-send?); sending it again", delivery.id, delivery.channel, delivery.target);
        }
        UUID token = delivery.claim(now, config.claimLease());
        return new Attempt(delivery.id, token, delivery.channel, delivery.target, delivery.title, body,
                delivery.htmlBody, destination);
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

    /** How one attempt went, waiting in memory until it is recorded. */
    public record Outcome(Attempt attempt, SendResult result) {
    }

    /**
     * Records how each attempt went, all in one transaction, with the events that announce them: the deliveries are
     * read once, changed in memory in the order of {@code outcomes}, and written with one statement. A delivery whose
     * claim ran out and passed to another sender keeps that sender's outcome, unless this one delivered it.
     *
     * @return the Slack deliveries of tickets that are now delivered or dead: the ticket's later messages may wait
     *         for them ({@link #wakeUpLaterMessages})
     */
    public List<UUID> record(List<Outcome> outcomes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<UUID, Delivery> deliveries = entityManager.createQuery(
                    "from Delivery d where d.id in :ids order by d.id", Delivery.class)
                    .setParameter("ids", outcomes.stream().map(outcome -> outcome.attempt().deliveryId()).toList())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint(HibernateHints.HINT_READ_ONLY, true)
                    .getResultStream().collect(Collectors.toMap(delivery -> delivery.id, delivery -> delivery));
            Instant now = clock.instant();
            Map<String, Duration> pauses = new TreeMap<>();
            List<UUID> ofTickets = new ArrayList<>();
            Map<UUID, Delivery> recorded = new LinkedHashMap<>();
            for (Outcome outcome : outcomes) {
                Delivery delivery = deliveries.get(outcome.attempt().deliveryId());
                if (delivery == null) {
                    continue;
                }
                if (outcome.result().retryAfter() != null && delivery.channel == Channel.SLACK
                        && !isUpdate(outcome.attempt())) {
                    pauses.merge(delivery.target, outcome.result().retryAfter(),
                            (one, other) -> one.compareTo(other) >= 0 ? one : other);
                }
                if (record(delivery, outcome, now)) {
                    recorded.put(delivery.id, delivery);
                    if (delivery.channel == Channel.SLACK && delivery.ticketId != null
                            && delivery.state != Delivery.State.PENDING) {
                        ofTickets.add(delivery.id);
                    }
                }
            }
            states.save(recorded.values());
            recorded.values().stream().filter(DeliveryAttempts::escalates).map(delivery -> delivery.ceId).distinct()
                    .forEach(ceId -> escalation.escalate(ceId, CriticalIssueEscalation.Trigger.DEAD));
            pauses.forEach(limiter::pause);
            return ofTickets;
        });
    }

    /**
     * A {@code Retry-After} of {@code chat.update} holds back that update only: Slack limits updates apart from
     * posting, so the channel keeps posting.
     */
    private static boolean isUpdate(Attempt attempt) {
        return attempt.slack().filter(SlackDestination.WebApi.class::isInstance)
                .map(destination -> ((SlackDestination.WebApi) destination).isUpdate()).orElse(false);
    }

    /** Records one outcome; answers whether it was this attempt's to record. */
    private boolean record(Delivery delivery, Outcome outcome, Instant now) {
        SendResult result = outcome.result();
        boolean delivered = result.outcome() == SendResult.Outcome.DELIVERED;
        if (!delivery.isClaimedWith(outcome.attempt().claimToken())
                && (!delivered || delivery.state == Delivery.State.DELIVERED)) {
            LOG.warnf("Delivery %s: its claim ran out before this attempt's outcome (%s) was recorded; the "
                    + "attempt that took it over decides", delivery.id, result.outcome());
            return false;
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
        return true;
    }

    /**
     * Once the outcomes of {@code deliveries} are committed, makes the tickets' later messages to the same Slack
     * channels that wait for them due at once ({@link SlackThreads}). After the commit, so that a message that saw
     * one still out, and went back to waiting, is woken too.
     */
    public void wakeUpLaterMessages(List<UUID> deliveries) {
        QuarkusTransaction.requiringNew().run(() -> threads.wakeUpLaterMessages(deliveries, clock.instant()));
    }

    private void died(Delivery delivery, Delivery.DeathCause cause) {
        metrics.dead(delivery.channel, cause);
        outbox.publish(delivery.deadEvent(clock.instant(), links.to("deliveries", delivery.id)));
        LOG.errorf("Delivery %s of %s to %s %s is dead after %d attempt(s): %s", delivery.id, delivery.ceType,
                delivery.channel, delivery.target, delivery.attempts, delivery.lastError);
    }

    /** Whether a dead delivery is a critical issue's Slack message, whose death escalates the issue. */
    private static boolean escalates(Delivery delivery) {
        return delivery.state == Delivery.State.DEAD && delivery.channel == Channel.SLACK
                && delivery.purpose == Delivery.Purpose.NOTICE && CRITICAL_ISSUE.equals(delivery.ceType);
    }

    /** Exponential backoff with full jitter for {@code attempt} (1-based), never shorter than the target asked. */
    Duration backoff(int attempt, Duration requested) {
        long ceiling = Math.min(config.maxRetryDelay().toMillis(),
                config.firstRetryDelay().toMillis() << Math.min(attempt - 1, 20));
        Duration jittered = Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
        return requested != null && requested.compareTo(jittered) > 0 ? requested : jittered;
    }
}
