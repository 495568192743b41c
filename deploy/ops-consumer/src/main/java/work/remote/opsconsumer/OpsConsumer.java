package work.remote.opsconsumer;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;

import work.remote.events.DomainEvent;
import work.remote.events.EventCatalog;
import work.remote.events.EventJson;

/**
 * Follows remote-work's event streams the way an ops team's own tool would: a consumer in its own group, reading
 * CloudEvents with the CloudEvents SDK and decoding their data into the contract's records.
 * <p>
 * Arguments: the bootstrap servers, the consumer group and a comma-separated list of topics.
 */
public final class OpsConsumer implements AutoCloseable {

    /** One event as read: where it was on the topic, its CloudEvents envelope and its data as a contract record. */
    public record Received(String topic, long offset, CloudEvent envelope, DomainEvent event) {

        @Override
        public String toString() {
            return envelope.getTime() + "  " + envelope.getType() + "  subject=" + envelope.getSubject() + "  "
                    + event;
        }
    }

    private final KafkaConsumer<String, CloudEvent> consumer;

    public OpsConsumer(String bootstrapServers, String group, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new CloudEventDeserializer());
        consumer.subscribe(Arrays.asList(topics));
    }

    /** Hands every event of one poll to {@code handler}, then commits the group's position past them. */
    public int poll(Duration timeout, Consumer<Received> handler) {
        int handled = 0;
        for (ConsumerRecord<String, CloudEvent> record : consumer.poll(timeout)) {
            handler.accept(new Received(record.topic(), record.offset(), record.value(), decode(record.value())));
            handled++;
        }
        if (handled > 0) {
            consumer.commitSync();
        }
        return handled;
    }

    /** The contract record of an event: its class from {@code ce_type}, its fields from the JSON data. */
    public static DomainEvent decode(CloudEvent envelope) {
        Class<? extends DomainEvent> type = EventCatalog.byCeType(envelope.getType())
                .orElseThrow(() -> new IllegalArgumentException("Not a remote-work event type: " + envelope.getType()));
        if (envelope.getData() == null) {
            throw new IllegalArgumentException(envelope.getType() + " " + envelope.getId() + " carries no data");
        }
        try {
            return EventJson.mapper().readValue(envelope.getData().toBytes(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException(envelope.getType() + " " + envelope.getId() + " does not decode", e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: OpsConsumer <bootstrap-servers> <group> <topic,topic,...>");
            System.exit(2);
        }
        try (OpsConsumer ops = new OpsConsumer(args[0], args[1], args[2].split(","))) {
            System.out.println("Following " + args[2] + " on " + args[0] + " as group " + args[1] + "; Ctrl-C stops");
            while (!Thread.currentThread().isInterrupted()) {
                ops.poll(Duration.ofSeconds(1), System.out::println);
            }
        }
    }
}
