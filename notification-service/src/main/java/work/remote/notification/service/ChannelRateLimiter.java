package work.remote.notification.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The token bucket of every rate-limited Slack channel and the pause a {@code Retry-After} asks for, kept in the
 * channel's row ({@code tokens}, {@code tokens_at}, {@code paused_until}) on the database's clock, so that every
 * replica draws from the same bucket: together they send no faster than the channel's limit. A message over the
 * limit stays pending in the database and is sent when its channel has a token again, never dropped. A pause holds
 * an unlimited channel too.
 */
@ApplicationScoped
public class ChannelRateLimiter {

    private static final String STATE = """
            select name, rate_per_second, burst, tokens,
                   (extract(epoch from tokens_at) * 1000000)::bigint,
                   (extract(epoch from paused_until) * 1000000)::bigint,
                   (extract(epoch from statement_timestamp()) * 1000000)::bigint
            from slack_channel
            """;

    private final EntityManager entityManager;

    @Inject
    public ChannelRateLimiter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Takes tokens for up to {@code wanted} messages to {@code channel}, as many as it has now: all of them when the
     * channel is unlimited and not paused. Holds the channel's row until the caller's transaction ends, so a token
     * goes to one sender only.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Grant take(String channel, int wanted) {
        return locked(channel).map(throttle -> {
            if (throttle.perSecond() == null) {
                Duration pause = throttle.pauseLeft();
                return pause.isZero() ? Grant.all(wanted) : new Grant(0, pause);
            }
            TokenBucket bucket = throttle.bucket();
            Grant grant = bucket.take(wanted);
            saveTokens(channel, bucket);
            return grant;
        }).orElse(Grant.all(wanted));
    }

    /** How many messages may go now, and how long the rest wait for their next token (zero when all may go). */
    public record Grant(int granted, Duration untilNextToken) {

        static Grant all(int wanted) {
            return new Grant(wanted, Duration.ZERO);
        }
    }

    /** The channel asked to be left alone for a while (Slack's {@code 429 Retry-After}); in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pause(String channel, Duration duration) {
        locked(channel).ifPresent(throttle -> {
            if (throttle.perSecond() != null) {
                TokenBucket bucket = throttle.bucket();
                bucket.pause(duration);
                saveTokens(channel, bucket);
            }
            entityManager.createNativeQuery("""
                    update slack_channel set paused_until = greatest(paused_until,
                        timestamptz 'epoch' + ?2 * interval '1 microsecond')
                    where name = ?1""")
                    .setParameter(1, channel)
                    .setParameter(2, throttle.now() + duration.toNanos() / 1_000)
                    .executeUpdate();
        });
    }

    /** The channels that have no token now, each with how long until its next one; in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Throttled throttled() {
        List<Throttle> throttles = rows(entityManager.createNativeQuery(
                STATE + """
                         where paused_until > statement_timestamp()
                            or (rate_per_second is not null and tokens is not null
                                and tokens + extract(epoch from statement_timestamp() - tokens_at) * rate_per_second < 1)""")
                .getResultList());
        Map<String, Duration> waits = new HashMap<>();
        for (Throttle throttle : throttles) {
            Duration wait = throttle.perSecond() == null ? throttle.pauseLeft() : throttle.bucket().waitForToken();
            if (!wait.isZero()) {
                waits.put(throttle.channel(), wait);
            }
        }
        return new Throttled(Map.copyOf(waits));
    }

    private Optional<Throttle> locked(String channel) {
        return rows(entityManager.createNativeQuery(STATE + " where name = ?1 for update")
                .setParameter(1, channel).getResultList()).stream().findFirst();
    }

    private void saveTokens(String channel, TokenBucket bucket) {
        entityManager.createNativeQuery("""
                update slack_channel set tokens = ?2, tokens_at = timestamptz 'epoch' + ?3 * interval '1 microsecond'
                where name = ?1""")
                .setParameter(1, channel)
                .setParameter(2, bucket.tokens())
                .setParameter(3, bucket.refilledAt() / 1_000)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<Throttle> rows(List<?> rows) {
        return ((List<Object[]>) rows).stream().map(Throttle::of).toList();
    }

    /** A channel's throttle as its row holds it, with the database's time of reading; times in microseconds. */
    private record Throttle(String channel, Double perSecond, int burst, Double tokens, Long tokensAt,
            Long pausedUntil, long now) {

        static Throttle of(Object[] row) {
            return new Throttle((String) row[0], row[1] == null ? null : ((Number) row[1]).doubleValue(),
                    ((Number) row[2]).intValue(), row[3] == null ? null : ((Number) row[3]).doubleValue(),
                    row[4] == null ? null : ((Number) row[4]).longValue(),
                    row[5] == null ? null : ((Number) row[5]).longValue(), ((Number) row[6]).longValue());
        }

        /** The bucket as it stands now; a channel that never sent has a full one. */
        TokenBucket bucket() {
            long nowNanos = now * 1_000;
            return new TokenBucket(perSecond, burst, tokens == null ? burst : tokens,
                    tokensAt == null ? nowNanos : tokensAt * 1_000,
                    pausedUntil == null ? Long.MIN_VALUE : pausedUntil * 1_000, () -> nowNanos);
        }

        Duration pauseLeft() {
            return pausedUntil == null || pausedUntil <= now ? Duration.ZERO
                    : Duration.ofNanos((pausedUntil - now) * 1_000);
        }
    }

    public record Throttled(Map<String, Duration> waits) {

        public Set<String> channels() {
            return waits.keySet();
        }
    }
}
