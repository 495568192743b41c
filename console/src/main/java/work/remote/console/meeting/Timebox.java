package work.remote.console.meeting;

import java.time.Duration;
import java.time.Instant;

/**
 * Where an agenda item stands against its timebox, in words that say "over time" so that colour is never the only
 * signal. The page's script keeps a running item's words going between renderings.
 *
 * @param state {@code waiting}, {@code running}, {@code over-time} (running past its timebox), {@code within} or
 *            {@code overran} (done), also the CSS class
 * @param startedAt when a running item started, for the script; null otherwise
 */
public record Timebox(String state, String words, Instant startedAt, long timeboxSeconds) {

    public static Timebox of(int plannedMinutes, Instant startedAt, Instant endedAt, Instant now) {
        long timebox = Duration.ofMinutes(plannedMinutes).toSeconds();
        if (startedAt == null) {
            return new Timebox("waiting", "Not started; timebox " + plannedMinutes + " min", null, timebox);
        }
        if (endedAt == null) {
            long left = timebox - Duration.between(startedAt, now).toSeconds();
            if (left > 0) {
                return new Timebox("running", "Running: " + span(left) + " left of " + plannedMinutes + " min",
                        startedAt, timebox);
            }
            return new Timebox("over-time", "Over time by " + span(left) + " (timebox " + plannedMinutes + " min)",
                    startedAt, timebox);
        }
        long took = Duration.between(startedAt, endedAt).toSeconds();
        if (took <= timebox) {
            return new Timebox("within", "Done in " + span(took) + ", within its " + plannedMinutes + " min", null,
                    timebox);
        }
        return new Timebox("overran", "Done in " + span(took) + ": over time by " + span(took - timebox)
                + " (timebox " + plannedMinutes + " min)", null, timebox);
    }

    /** E.g. "4 min 05 s". */
    static String span(long seconds) {
        long abs = Math.abs(seconds);
        return (abs / 60) + " min " + String.format("%02d", abs % 60) + " s";
    }
}
