package work.remote.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateExtension;

/**
 * Formats the templates use: {@code {instant.utc}} is a readable UTC time, {@code {list.listed}} the items
 * separated by commas, or "none", {@code {minutes.hoursAndMinutes}} a span such as "1 h 5 min" or "3 h", and
 * {@code {from.minutesUntil(to)}} the whole minutes between two instants. Values in {@code .json} templates need no
 * helper: Qute escapes them for JSON, as it escapes {@code .html} templates for HTML, and the renderer escapes
 * them for Slack's mrkdwn.
 */
@TemplateExtension
public class TemplateFormats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    static String hoursAndMinutes(long minutes) {
        long hours = minutes / 60;
        if (hours == 0) {
            return minutes + " min";
        }
        return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
    }

    static long minutesUntil(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes();
    }

    static String listed(List<?> items) {
        return items.isEmpty() ? "none" : items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
