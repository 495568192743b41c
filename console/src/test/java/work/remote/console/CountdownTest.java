package work.remote.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import work.remote.console.warroom.Countdown;

/** The countdown says in words where a critical issue stands: colour is never the only signal. */
class CountdownTest {

    private static final Instant DEADLINE = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration AT_RISK_WITHIN = Duration.ofHours(1);

    @Test
    void beforeTheAtRiskMarkItIsOnTrack() {
        Countdown countdown = Countdown.of(DEADLINE, DEADLINE.minus(Duration.ofMinutes(135)), AT_RISK_WITHIN);
        assertThat(countdown.state()).isEqualTo("on-track");
        assertThat(countdown.words()).isEqualTo("On track: 2 h 15 min left");
    }

    @Test
    void fromTheAtRiskMarkItSaysAtRisk() {
        assertThat(Countdown.of(DEADLINE, DEADLINE.minus(AT_RISK_WITHIN), AT_RISK_WITHIN).words())
                .isEqualTo("At risk: 1 h 0 min left");
        Countdown countdown = Countdown.of(DEADLINE, DEADLINE.minusSeconds(42 * 60 + 30), AT_RISK_WITHIN);
        assertThat(countdown.state()).isEqualTo("at-risk");
        assertThat(countdown.words()).isEqualTo("At risk: 42 min left");
    }

    @Test
    void atTheDeadlineItSaysBreached() {
        assertThat(Countdown.of(DEADLINE, DEADLINE, AT_RISK_WITHIN).words())
                .isEqualTo("Breached: the deadline passed 0 min ago");
        Countdown countdown = Countdown.of(DEADLINE, DEADLINE.plus(Duration.ofMinutes(65)), AT_RISK_WITHIN);
        assertThat(countdown.state()).isEqualTo("breached");
        assertThat(countdown.words()).isEqualTo("Breached: the deadline passed 1 h 5 min ago");
        assertThat(countdown.atRiskWithinSeconds()).isEqualTo(3600);
    }
}
