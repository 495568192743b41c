package work.remote.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token bucket lets a burst through, then its rate; a pause holds everything for as long as asked. */
class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TokenBucket bucket = new TokenBucket(1.0, 3, nanos::get);

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aBurstGoesAtOnceThenOneMessageASecond() {
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isEqualTo(Duration.ofSeconds(1));
        advance(Duration.ofMillis(400));
        assertThat(bucket.take()).isBetween(Duration.ofMillis(599), Duration.ofMillis(601));
        advance(Duration.ofMillis(600));
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aQuietChannelSavesUpNoMoreThanItsBurst() {
        for (int i = 0; i < 3; i++) {
            bucket.take();
        }
        advance(Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take()).isZero();
        }
        assertThat(bucket.take()).isPositive();
    }

    @Test
    void aPauseHoldsTheChannelUntilItEnds() {
        bucket.pause(Duration.ofSeconds(2));
        assertThat(bucket.take()).isEqualTo(Duration.ofSeconds(2));
        advance(Duration.ofMillis(1_500));
        assertThat(bucket.waitForToken()).isEqualTo(Duration.ofMillis(500));
        advance(Duration.ofMillis(500));
        assertThat(bucket.take()).isZero();
    }

    @Test
    void waitingTakesNoToken() {
        assertThat(bucket.waitForToken()).isZero();
        assertThat(bucket.waitForToken()).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take()).isZero();
        }
    }

    @Test
    void aBatchTakesWhatTheBucketHoldsAndSaysWhenTheNextTokenComes() {
        ChannelRateLimiter.Grant first = bucket.take(5);
        assertThat(first.granted()).isEqualTo(3);
        assertThat(first.untilNextToken()).isEqualTo(Duration.ofSeconds(1));
        advance(Duration.ofMillis(2_500));
        ChannelRateLimiter.Grant second = bucket.take(5);
        assertThat(second.granted()).isEqualTo(2);
        assertThat(second.untilNextToken()).isBetween(Duration.ofMillis(499), Duration.ofMillis(501));
        assertThat(bucket.take(0)).isEqualTo(new ChannelRateLimiter.Grant(0, Duration.ZERO));
    }
}
