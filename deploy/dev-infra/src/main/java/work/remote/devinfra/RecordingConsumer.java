package work.remote.devinfra;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records everything published to some topics, from their beginning, on a background thread: what a test
 * asserts on when it checks what really reached the broker.
 */
public final class RecordingConsumer implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Thread poller;
    private volatile boolean running = true;

    private RecordingConsumer(String bootstrapServers, List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "recording-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(topics);
        poller = new Thread(this::poll, "recording-consumer");
        poller.setDaemon(true);
        poller.start();
    }

    public static RecordingConsumer of(String bootstrapServers, String... topics) {
        return new RecordingConsumer(bootstrapServers, List.of(topics));
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(this::recordOnce);
            }
        } catch (WakeupException closing) {
            // close() woke the poller up
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    /**
     * A rebalance after a broker restart sends this group, which commits nothing, back to the earliest offset; a
     * record read again at the same offset is the same record, not a second publication.
     */
    private void recordOnce(ConsumerRecord<String, String> record) {
        if (seen.add(record.topic() + "/" + record.partition() + "/" + record.offset())) {
            records.add(record);
        }
    }

    /** Everything received so far, in the order received. */
    public List<ConsumerRecord<String, String>> records() {
        return List.copyOf(records);
    }

    public List<ConsumerRecord<String, String>> withKey(String key) {
        return records.stream().filter(record -> key.equals(record.key())).toList();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
