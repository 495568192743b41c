package work.remote.notification.delivery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/**
 * Formats the templates use: {@code {instant.utc}} is a readable UTC time. Values in {@code .json} templates need
 * no helper: Qute escapes them for JSON, as it escapes {@code .html} templates for HTML.
 */
@TemplateExtension
public class TemplateFormats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    static String utc(Instant instant) {
        return UTC.format(instant);
    }
}
