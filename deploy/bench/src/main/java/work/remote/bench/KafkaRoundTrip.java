package work.remote.bench;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor under the end-to-end numbers: a raw produce → consume round trip on the same broker, at the same
 * rate, with the producer settings the outbox relay uses (acks=all, idempotent, no linger).
 */
final class KafkaRoundTrip {

    private KafkaRoundTrip() {
    }

    static Latencies measure(String bootstrapServers, int rate, int count) throws Exception {
        String topic = "bench.roundtrip." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(java.util.List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<Integer, Long> sentAtNanos = new ConcurrentHashMap<>();
        long[] latencies = new long[count];
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, topic,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                        new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(java.util.List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            int[] next = { 0 };
            pacer.scheduleAtFixedRate(() -> {
                int sequence = next[0]++;
                if (sequence >= count) {
                    pacer.shutdown();
                    return;
                }
                sentAtNanos.put(sequence, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, "key-" + sequence, Integer.toString(sequence)));
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            int received = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(count / rate + 60);
            while (received < count && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    int sequence = Integer.parseInt(record.value());
                    latencies[received++] = (now - sentAtNanos.get(sequence)) / 1_000;
                }
            }
            pacer.shutdownNow();
            return new Latencies(java.util.Arrays.copyOf(latencies, received));
        }
    }
}
