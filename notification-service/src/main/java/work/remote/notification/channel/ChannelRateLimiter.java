package work.remote.notification.channel;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One token bucket per rate-limited Slack channel, in this instance's memory: a message over the limit stays
 * pending in the database and is sent when its channel has a token again, never dropped. Each replica keeps its
 * own buckets.
 */
@ApplicationScoped
public class ChannelRateLimiter {

    private final Map<String, Optional<TokenBucket>> buckets = new ConcurrentHashMap<>();

    /** Takes a token for one message to {@code channel}: zero when it may go now, else how long to wait. */
    public Duration take(String channel) {
        return bucket(channel).map(TokenBucket::take).orElse(Duration.ZERO);
    }

    /** The channels that have no token now, and the shortest wait among them. */
    public Throttled throttled() {
        Map<String, Duration> waits = buckets.entrySet().stream()
                .filter(entry -> entry.getValue().isPresent())
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get().waitForToken()));
        waits.values().removeIf(Duration::isZero);
        return new Throttled(Set.copyOf(waits.keySet()),
                waits.values().stream().min(Duration::compareTo));
    }

    /** The channel asked to be left alone for a while (Slack's {@code 429 Retry-After}). */
    public void pause(String channel, Duration duration) {
        bucket(channel).ifPresent(bucket -> bucket.pause(duration));
    }

    /** Forgets a channel's bucket, after its limit changed or it was registered or removed. */
    public void forget(String channel) {
        buckets.remove(channel);
    }

    /** Forgets every bucket: a fresh start, as after a restart. */
    public void forgetAll() {
        buckets.clear();
    }

    private Optional<TokenBucket> bucket(String channel) {
        return buckets.computeIfAbsent(channel, name -> QuarkusTransaction.requiringNew()
                .call(() -> SlackChannel.named(name).map(SlackChannel::rateLimit))
                .filter(RateLimit::limited)
                .map(limit -> new TokenBucket(limit.perSecond(), limit.burst(), System::nanoTime)));
    }

    public record Throttled(Set<String> channels, Optional<Duration> shortestWait) {
    }
}
