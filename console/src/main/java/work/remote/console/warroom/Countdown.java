package work.remote.console.warroom;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an open critical issue has left until its deadline, in words that say on track, at risk or breached, so
 * that colour is never the only signal. The page's script keeps the same words running between renderings.
 *
 * @param state {@code on-track}, {@code at-risk} or {@code breached}, also the CSS class
 */
public record Countdown(String state, String words, Instant resolveBy, long atRiskWithinSeconds) {

    public static Countdown of(Instant resolveBy, Instant now, Duration atRiskWithin) {
        long left = Duration.between(now, resolveBy).toSeconds();
        if (left <= 0) {
            return new Countdown("breached", "Breached: the deadline passed " + span(left) + " ago", resolveBy,
                    atRiskWithin.toSeconds());
        }
        if (left <= atRiskWithin.toSeconds()) {
            return new Countdown("at-risk", "At risk: " + span(left) + " left", resolveBy, atRiskWithin.toSeconds());
        }
        return new Countdown("on-track", "On track: " + span(left) + " left", resolveBy, atRiskWithin.toSeconds());
    }

    /** E.g. "2 h 5 min", "42 min": whole minutes, rounded down. */
    private static String span(long seconds) {
        long minutes = Math.abs(seconds) / 60;
        long hours = minutes / 60;
        return (hours > 0 ? hours + " h " : "") + (minutes % 60) + " min";
    }
}
