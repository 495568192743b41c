package work.remote.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Singleton;

/**
 * The clock of every service under test, replacing the system clock: real time by default, moved forward on demand
 * so that deadlines, timeboxes and retry windows pass without waiting, and frozen where a test asserts an exact time.
 * Every test class of a module shares one running service, so a test that moves it resets it afterwards.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Duration ahead = Duration.ZERO;
    private volatile Instant frozenAt;

    /** Moves time forward by {@code duration}, frozen or not. */
    public void advance(Duration duration) {
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(duration);
        } else {
            ahead = ahead.plus(duration);
        }
    }

    /**
     * Stops time at the current millisecond until {@link #reset()}; returns that instant. A whole millisecond, so that
     * what PostgreSQL stores (microseconds) is exactly what the clock said.
     */
    public Instant freeze() {
        frozenAt = instant().truncatedTo(ChronoUnit.MILLIS);
        return frozenAt;
    }

    /** Back to real time. */
    public void reset() {
        frozenAt = null;
        ahead = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
