package work.remote.events.meeting;

import java.util.Objects;

/**
 * A timeboxed item of a generated agenda, in order.
 *
 * @param topic what the item covers (for a carried-over parking-lot item, the proposal)
 * @param minutes the timebox
 */
public record AgendaItem(Phase phase, String topic, int minutes) {

    public enum Phase {
        /** The host presents, 5 to 10 minutes. */
        PRESENTATION,
        /** Everyone reads the material, 5 minutes. */
        READING,
        /** An open parking-lot item carried over from an earlier meeting on the same subject. */
        PARKING_LOT,
        /** Questions and discussion, the rest of the meeting. */
        DISCUSSION
    }

    public AgendaItem {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(topic, "topic");
        if (minutes < 1) {
            throw new IllegalArgumentException("minutes must be at least 1: " + minutes);
        }
    }
}
