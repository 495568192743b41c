package work.remote.notification.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import work.remote.notification.RateLimit;
import work.remote.notification.SlackChannel;

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
            """;

    private final EntityManager entityManager;

    @Inject
    public ChannelRateLimiter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Locks the rows of the Slack channels {@code names}, in name order (so that two claims never wait for each other
     * in a circle), and reads each one's settings with its bucket as they are now, all in one statement; in the
     * caller's transaction, which holds the rows until it ends, so that a token goes to one sender only. The settings
     * come from the row itself, never from a copy: a change to a channel is seen by the next claim.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Locked lock(Collection<String> names) {
        Map<String, Throttle> throttles = new HashMap<>();
        Map<String, SlackChannel> settings = new HashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(STATE + """
                    , webhook_url, bot_token, slack_channel_id
                    from slack_channel
                    where name = any(?) order by name for update""")) {
                select.setArray(1, connection.createArrayOf("varchar", names.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Throttle throttle = Throttle.of(rows);
                        throttles.put(throttle.channel(), throttle);
                        settings.put(throttle.channel(), SlackChannel.settings(throttle.channel(),
                                rows.getString(8), rows.getString(9), rows.getString(10),
                                new RateLimit(throttle.perSecond(), throttle.burst())));
                    }
                }
            }
        });
        return new Locked(throttles, settings);
    }

    /**
     * The Slack channels one claim locked: their settings, and their tokens, which {@link #take} hands out in memory
     * and {@link #save} writes back.
     */
    public final class Locked {

        private final Map<String, Throttle> throttles;
        private final Map<String, SlackChannel> settings;
        private final Map<String, TokenBucket> taken = new TreeMap<>();

        private Locked(Map<String, Throttle> throttles, Map<String, SlackChannel> settings) {
            this.throttles = throttles;
            this.settings = settings;
        }

        /** The channel's settings as its row holds them; empty when no such channel is registered. */
        public Optional<SlackChannel> settings(String channel) {
            return Optional.ofNullable(settings.get(channel));
        }

        /**
         * Takes tokens for up to {@code wanted} messages to {@code channel}, as many as it has now: all of them when
         * the channel is unlimited and not paused, or not registered.
         */
        public Grant take(String channel, int wanted) {
            Throttle throttle = throttles.get(channel);
            if (throttle == null) {
                return Grant.all(wanted);
            }
            if (throttle.perSecond() == null) {
                Duration pause = throttle.pauseLeft();
                return pause.isZero() ? Grant.all(wanted) : new Grant(0, pause);
            }
            TokenBucket bucket = taken.computeIfAbsent(channel, any -> throttle.bucket());
            return bucket.take(wanted);
        }

        /** Writes the buckets of the rate-limited channels tokens were taken from, in one statement. */
        public void save() {
            if (taken.isEmpty()) {
                return;
            }
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement update = connection.prepareStatement("""
                        update slack_channel set tokens = saved.tokens,
                            tokens_at = timestamptz 'epoch' + saved.refilled_at * interval '1 microsecond'
                        from unnest(?, ?, ?) as saved (name, tokens, refilled_at)
                        where slack_channel.name = saved.name""")) {
                    update.setArray(1, connection.createArrayOf("varchar", taken.keySet().toArray()));
                    update.setArray(2, connection.createArrayOf("float8",
                            taken.values().stream().map(TokenBucket::tokens).toArray()));
                    update.setArray(3, connection.createArrayOf("int8",
                            taken.values().stream().map(bucket -> bucket.refilledAt() / 1_000).toArray()));
                    update.executeUpdate();
                }
            });
            taken.clear();
        }
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
                         from slack_channel
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
        return rows(entityManager.createNativeQuery(STATE + " from slack_channel where name = ?1 for update")
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

        static Throttle of(ResultSet row) throws SQLException {
            return of(new Object[] {row.getString(1), row.getObject(2), row.getInt(3), row.getObject(4),
                    row.getObject(5), row.getObject(6), row.getLong(7)});
        }

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

        /** No channel known to be throttled: the claim of what an event planned asks each channel's row instead. */
        public static final Throttled NONE = new Throttled(Map.of());

        public Set<String> channels() {
            return waits.keySet();
        }
    }
}
