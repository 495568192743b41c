package work.remote.meeting.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import work.remote.events.meeting.AgendaItem;
import work.remote.meeting.AgendaSlot;

public record AgendaItemView(
        AgendaItem.Phase phase,
        String topic,
        int plannedMinutes,
        @Schema(description = "The parked proposal this item takes up") UUID parkingLotItemId,
        Instant startedAt,
        Instant endedAt,
        boolean running,
        @Schema(description = "How long it took, or has taken so far while running") Long actualSeconds,
        @Schema(description = "How far past its timebox; 0 within it") Long overrunSeconds,
        boolean overrun) {

    public static AgendaItemView of(AgendaSlot slot, Instant now) {
        Duration actual = slot.actual(now);
        Duration overrun = slot.overrun(now);
        return new AgendaItemView(slot.phase, slot.topic, slot.plannedMinutes, slot.parkingLotItemId,
                slot.startedAt, slot.endedAt, slot.isRunning(), actual == null ? null : actual.toSeconds(),
                overrun == null ? null : overrun.toSeconds(), overrun != null && !overrun.isZero());
    }
}
