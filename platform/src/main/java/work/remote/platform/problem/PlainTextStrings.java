package work.remote.platform.problem;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every string in a request body is plain text: no control characters but tab, line feed and carriage return, and no
 * unpaired surrogates. PostgreSQL cannot store a NUL, JSON writes other control characters as six-byte escapes, and
 * an unpaired surrogate cannot be written as UTF-8 at all; refusing them here, with the field named, keeps each
 * character of user text at most three bytes in the events it flows into, which the request bounds are sized by.
 */
@Singleton
public class PlainTextStrings implements ObjectMapperCustomizer {

    /** The most bytes one character of a valid string takes in UTF-8 JSON. */
    public static final int MAX_BYTES_PER_CHAR = 3;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("plain-text-strings").addDeserializer(String.class, new Deserializer()));
    }

    /** Where {@code text} breaks the rule, as a message, or null when it is plain text. */
    static String problemOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' && c != '\t' && c != '\n' && c != '\r') {
                return String.format("must not contain control characters (U+%04X at position %d)", (int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate (at position " + i + ")";
            }
        }
        return null;
    }

    private static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            String problem = text == null ? null : problemOf(text);
            if (problem != null) {
                throw MismatchedInputException.from(parser, String.class, problem);
            }
            return text;
        }
    }
}
