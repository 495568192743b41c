package work.remote.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class TestClockTest {

    private final TestClock clock = new TestClock();

    @Test
    void advancingMovesRealTimeForward() {
        Instant before = Instant.now();
        clock.advance(Duration.ofHours(3));
        assertThat(clock.instant()).isAfterOrEqualTo(before.plus(Duration.ofHours(3)));
    }

    @Test
    void aFrozenClockStandsStillUntilMovedAndResetReturnsToRealTime() throws Exception {
        Instant frozen = clock.freeze();
        clock.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(frozen.plus(Duration.ofMinutes(5)));
        clock.reset();
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(1));
    }
}
