package work.remote.console.live;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads every service's events in the console's own consumer group and hands each to {@link LiveEvents} as the pages
 * see it, about its key, its subject, the ids in its data and the subject a meeting is about. The console keeps nothing of them but the short buffer: the pages read the state from the services.
 */
@ApplicationScoped
public class ServiceEventConsumer {

    private static final Logger LOG = Logger.getLogger(ServiceEventConsumer.class);

    private final LiveEvents live;
    private final ObjectMapper json;

    public ServiceEventConsumer(LiveEvents live, ObjectMapper json) {
        this.live = live;
        this.json = json;
    }

    @Incoming("service-events")
    public void consume(ConsumerRecord<String, String> record) {
        String ceType = header(record, "ce_type");
        if (ceType == null) {
            return;
        }
        String type = ceType.substring(ceType.lastIndexOf('.') + 1);
        Set<String> about = new LinkedHashSet<>();
        if (record.key() != null) {
            about.add(record.key());
        }
        String subject = header(record, "ce_subject");
        if (subject != null) {
            about.add(subject);
        }
        JsonNode data = dataOf(record, ceType);
        for (Iterator<Map.Entry<String, JsonNode>> fields = data.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().endsWith("Id") && field.getValue().isTextual()) {
                about.add(field.getValue().asText());
            }
        }
        JsonNode subjectId = data.path("subject").path("id");
        if (subjectId.isTextual()) {
            about.add(subjectId.asText());
        }
        live.publish(type, about, summary(type, data));
    }

    /** E.g. "Critical issue reported: Cannot withdraw". */
    static String summary(String type, JsonNode data) {
        String words = type.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
        String sentence = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        for (String field : new String[] { "title", "feature", "message", "name", "subject" }) {
            if (data.path(field).isTextual() && !data.path(field).asText().isBlank()) {
                return sentence + ": " + data.path(field).asText();
            }
        }
        return sentence;
    }

    private JsonNode dataOf(ConsumerRecord<String, String> record, String ceType) {
        if (record.value() == null) {
            return json.createObjectNode();
        }
        try {
            JsonNode data = json.readTree(record.value());
            return data.isObject() ? data : json.createObjectNode();
        } catch (JsonProcessingException e) {
            LOG.debugf("the %s at offset %d of %s is not JSON", ceType, record.offset(), record.topic());
            return json.createObjectNode();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
