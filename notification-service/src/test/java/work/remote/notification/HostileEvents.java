package work.remote.notification;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import work.remote.events.DomainEvent;
import work.remote.events.EventCatalog;
import work.remote.events.EventSamples;
import work.remote.notification.service.ConfiguredContexts;

/**
 * Events of every type this service consumes, made from their samples with every string field, nested ones
 * included, replaced by text that tries to mention a channel, hide a link and break JSON, and every list grown.
 * Links stay links (with a query string, so they carry an {@code &}), time zones stay the events' valid zone ids.
 */
final class HostileEvents {

    /** What a user could type into any field: mentions, a disguised link, entities, JSON and mrkdwn syntax. */
    static final String HOSTILE = "<!channel> <!everyone> <https://evil.example/steal|the ticket> <@U024BE7LH>"
            + " @here & &amp; &lt; \"quoted\" \\ *bold* `code` 😀 \n";

    /** The longest string a request may put into a top-level field (the largest request bound is 10,000). */
    static final int LONGEST_FIELD = 10_000;
    /** The longest string a request may put into a list item or a nested record (at most 2,000 there). */
    static final int LONGEST_NESTED_FIELD = 2_000;
    static final int LONGEST_LIST = 60;

    private HostileEvents() {
    }

    static Stream<Class<? extends DomainEvent>> consumedTypes() {
        return ConfiguredContexts.consumedContexts().stream().flatMap(context -> EventCatalog.ofContext(context).stream());
    }

    /** The sample of {@code type} with every string {@code marker + HOSTILE}, lists as in the sample. */
    static DomainEvent hostile(Class<? extends DomainEvent> type, String marker) {
        Strings strings = new Strings(marker + HOSTILE, marker + HOSTILE, Map.of());
        return (DomainEvent) rebuilt((Record) EventSamples.of(type), 0, strings, false);
    }

    /**
     * The sample of {@code type} with every string as long as a request allows, made of {@code marker} and
     * {@link #HOSTILE} repeated, and every list {@link #LONGEST_LIST} long; the fields named in {@code fixed} get
     * the value given there instead.
     */
    static DomainEvent longest(Class<? extends DomainEvent> type, String marker, Map<String, String> fixed) {
        Strings strings = new Strings(filled(marker, LONGEST_FIELD), filled(marker, LONGEST_NESTED_FIELD), fixed);
        return (DomainEvent) rebuilt((Record) EventSamples.of(type), LONGEST_LIST, strings, false);
    }

    /** {@code marker} then {@link #HOSTILE} repeated, {@code length} long, never ending in half a surrogate pair. */
    static String filled(String marker, int length) {
        StringBuilder text = new StringBuilder(marker);
        while (text.length() < length) {
            text.append(HOSTILE);
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    /** The strings to put into top-level and nested fields, and fields given a value of their own. */
    private record Strings(String topLevel, String nested, Map<String, String> fixed) {

        Object of(String field, String sample, boolean inNested) {
            if (fixed.containsKey(field)) {
                return fixed.get(field);
            }
            if (field.equals("link") || field.endsWith("Link")) {
                return sample + "?view=all&tab=1";
            }
            if (field.equals("timeZone")) {
                return sample;
            }
            return inNested ? nested : topLevel;
        }
    }

    private static Record rebuilt(Record record, int listSize, Strings strings, boolean nested) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = replaced(components[i].getName(), components[i].getAccessor().invoke(record), listSize,
                        strings, nested);
            }
            return record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + record.getClass().getSimpleName(), e);
        }
    }

    private static Object replaced(String field, Object value, int listSize, Strings strings, boolean nested) {
        if (value instanceof String text) {
            return strings.of(field, text, nested);
        }
        if (value instanceof Record record) {
            return rebuilt(record, listSize, strings, true);
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            return IntStream.range(0, Math.max(list.size(), listSize))
                    .mapToObj(i -> replaced(field, list.get(i % list.size()), listSize, strings, true))
                    .toList();
        }
        return value;
    }
}
