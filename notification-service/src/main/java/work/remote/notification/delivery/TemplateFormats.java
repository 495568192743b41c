package work.remote.notification.delivery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.TemplateExtension;

/** Helpers the templates call: {@code {value.json}} writes a JSON string literal, {@code {instant.utc}} a readable time. */
@TemplateExtension
public class TemplateFormats {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value == null ? null : value.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String utc(Instant instant) {
        return UTC.format(instant);
    }
}
