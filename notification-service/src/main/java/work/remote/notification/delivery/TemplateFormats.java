package work.remote.notification.delivery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateExtension;

/**
 * Formats the templates use: {@code {instant.utc}} is a readable UTC time, {@code {list.listed}} the items
 * separated by commas, or "none". Values in {@code .json} templates need no helper: Qute escapes them for JSON, as
 * it escapes {@code .html} templates for HTML.
 */
@TemplateExtension
public class TemplateFormats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    static String utc(Instant instant) {
        return UTC.format(instant);
    }

    static String listed(List<?> items) {
        return items.isEmpty() ? "none" : items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
