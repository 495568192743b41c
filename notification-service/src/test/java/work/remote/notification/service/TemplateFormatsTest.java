package work.remote.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TemplateFormatsTest {

    @Test
    void aSpanOfMinutesReadsInHoursAndMinutes() {
        assertThat(TemplateFormats.hoursAndMinutes(0)).isEqualTo("0 min");
        assertThat(TemplateFormats.hoursAndMinutes(45)).isEqualTo("45 min");
        assertThat(TemplateFormats.hoursAndMinutes(60)).isEqualTo("1 h");
        assertThat(TemplateFormats.hoursAndMinutes(125)).isEqualTo("2 h 5 min");
    }

    @Test
    void minutesUntilCountsWholeMinutesBetweenTwoInstants() {
        Instant reported = Instant.parse("2025-06-02T08:00:00Z");

        assertThat(TemplateFormats.minutesUntil(reported, Instant.parse("2025-06-02T11:00:59Z"))).isEqualTo(180);
    }
}
