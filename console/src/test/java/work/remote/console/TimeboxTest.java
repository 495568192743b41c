package work.remote.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import work.remote.console.meeting.Timebox;

/** An agenda item says in words where it stands against its timebox: colour is never the only signal. */
class TimeboxTest {

    private static final Instant START = Instant.parse("2026-12-02T09:00:00Z");

    @Test
    void anItemNotStartedNamesItsTimebox() {
        Timebox timebox = Timebox.of(10, null, null, START);
        assertThat(timebox.state()).isEqualTo("waiting");
        assertThat(timebox.words()).isEqualTo("Not started; timebox 10 min");
        assertThat(timebox.startedAt()).isNull();
    }

    @Test
    void aRunningItemCountsDownAndThenSaysOverTime() {
        Timebox running = Timebox.of(5, START, null, START.plusSeconds(55));
        assertThat(running.state()).isEqualTo("running");
        assertThat(running.words()).isEqualTo("Running: 4 min 05 s left of 5 min");
        assertThat(running.startedAt()).isEqualTo(START);
        assertThat(running.timeboxSeconds()).isEqualTo(300);
        Timebox over = Timebox.of(5, START, null, START.plusSeconds(372));
        assertThat(over.state()).isEqualTo("over-time");
        assertThat(over.words()).isEqualTo("Over time by 1 min 12 s (timebox 5 min)");
    }

    @Test
    void aDoneItemSaysWhetherItKeptItsTimebox() {
        assertThat(Timebox.of(10, START, START.plusSeconds(540), START.plusSeconds(3600)).words())
                .isEqualTo("Done in 9 min 00 s, within its 10 min");
        Timebox overran = Timebox.of(10, START, START.plusSeconds(690), START.plusSeconds(3600));
        assertThat(overran.state()).isEqualTo("overran");
        assertThat(overran.words()).isEqualTo("Done in 11 min 30 s: over time by 1 min 30 s (timebox 10 min)");
        assertThat(overran.startedAt()).isNull();
    }
}
