package work.remote.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import work.remote.events.meeting.AgendaItem;

/** One timeboxed item of a meeting's agenda, with the time it actually took once the host ran it. */
@Embeddable
public class AgendaSlot {

    @Enumerated(EnumType.STRING)
    public AgendaItem.Phase phase;

    public String topic;

    @Column(name = "planned_minutes")
    public int plannedMinutes;

    /** For a carried-over parking-lot item: which one. */
    @Column(name = "parking_lot_item_id")
    public UUID parkingLotItemId;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    static AgendaSlot of(AgendaItem.Phase phase, String topic, int minutes, UUID parkingLotItemId) {
        AgendaSlot slot = new AgendaSlot();
        slot.phase = phase;
        slot.topic = topic;
        slot.plannedMinutes = minutes;
        slot.parkingLotItemId = parkingLotItemId;
        return slot;
    }

    public boolean isRunning() {
        return startedAt != null && endedAt == null;
    }

    /** How long the item took, or has taken so far while it runs; null before it started. */
    public Duration actual(Instant now) {
        if (startedAt == null) {
            return null;
        }
        return Duration.between(startedAt, endedAt == null ? now : endedAt);
    }

    /** How far the item went past its timebox (zero when within it); null before it started. */
    public Duration overrun(Instant now) {
        Duration actual = actual(now);
        if (actual == null) {
            return null;
        }
        Duration over = actual.minusMinutes(plannedMinutes);
        return over.isNegative() ? Duration.ZERO : over;
    }

    public AgendaItem toEvent() {
        return new AgendaItem(phase, topic, plannedMinutes);
    }
}
