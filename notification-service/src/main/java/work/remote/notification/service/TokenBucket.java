package work.remote.notification.service;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}; every message takes one. A
 * target that asked to be left alone ({@code Retry-After}) pauses it. Times are nanoseconds on the time line
 * {@code nanoTime} gives; a bucket can be restored from the state another one left behind on the same time line.
 */
final class TokenBucket {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;
    private long pausedUntil;

    /** A full bucket. */
    TokenBucket(double perSecond, int burst, LongSupplier nanoTime) {
        this(perSecond, burst, burst, nanoTime.getAsLong(), Long.MIN_VALUE, nanoTime);
    }

    /** A bucket that holds {@code tokens} as of {@code refilledAt}, paused until {@code pausedUntil}. */
    TokenBucket(double perSecond, int burst, double tokens, long refilledAt, long pausedUntil, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = tokens;
        this.refilledAt = refilledAt;
        this.pausedUntil = pausedUntil;
    }

    synchronized double tokens() {
        return tokens;
    }

    synchronized long refilledAt() {
        return refilledAt;
    }

    synchronized long pausedUntil() {
        return pausedUntil;
    }

    /** Takes a token and answers zero, or answers how long until one is there (and takes nothing). */
    synchronized Duration take() {
        Duration wait = waitForToken();
        if (wait.isZero()) {
            tokens -= 1;
        }
        return wait;
    }

    /** Takes as many tokens as there are, up to {@code wanted}; when that is fewer, how long until the next one. */
    synchronized ChannelRateLimiter.Grant take(int wanted) {
        int granted = 0;
        Duration wait = Duration.ZERO;
        while (granted < wanted && (wait = take()).isZero()) {
            granted++;
        }
        return new ChannelRateLimiter.Grant(granted, wait);
    }

    /** How long until a token is there, zero when one is. */
    synchronized Duration waitForToken() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / NANOS_PER_SECOND);
        refilledAt = now;
        if (now < pausedUntil) {
            return Duration.ofNanos(pausedUntil - now);
        }
        if (tokens >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) * NANOS_PER_SECOND / perSecond));
    }

    synchronized void pause(Duration duration) {
        long now = nanoTime.getAsLong();
        pausedUntil = Math.max(pausedUntil, now + duration.toNanos());
        tokens = 0;
        refilledAt = now;
    }
}
