package work.remote.platform.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ServiceUnavailableException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;

import work.remote.platform.KafkaClientConfig;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;

/**
 * The records this service's consumers dead-lettered, and their replay. The dead-letter topics are those of the
 * service's incoming channels ({@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}). A replay publishes
 * each record again to the topic it was consumed from, with its key, value and original headers (so its
 * {@code ce_id} is unchanged and the inbox keeps it idempotent); how far it got is the committed offset of the
 * consumer group {@code <application>-dead-letter-replay} on the dead-letter topic, so the next replay starts after it.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Pattern DEAD_LETTER_TOPIC_KEY = Pattern
            .compile("mp\\.messaging\\.incoming\\.(.+)\\.dead-letter-queue\\.topic");
    private static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> kafkaConfig;
    private final List<String> topics;
    private final String replayGroup;

    @Inject
    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Config config) {
        this.kafkaConfig = kafkaConfig;
        this.topics = deadLetterTopics(config);
        this.replayGroup = config.getValue("quarkus.application.name", String.class) + "-dead-letter-replay";
    }

    public List<String> topics() {
        return topics;
    }

    public String replayGroup() {
        return replayGroup;
    }

    /** Every dead letter still on the topics, in topic, partition and offset order, one page of them. */
    public Page<DeadLetterView> list(PageRequest request) {
        List<DeadLetterView> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (String topic : topics) {
                List<TopicPartition> partitions = partitionsOf(consumer, topic);
                Map<TopicPartition, Long> replayedUpTo = replayedUpTo(consumer, partitions);
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                readUpToTheEnd(consumer, partitions, record -> all.add(DeadLetterView.of(record,
                        record.offset() < replayedUpTo.getOrDefault(partition(record), 0L))));
            }
        } catch (KafkaException e) {
            throw unavailable("read", e);
        }
        return Page.of(all, request);
    }

    /** Publishes every dead letter not replayed before to its original topic, and remembers how far it got. */
    public ReplayReport replay() {
        List<DeadLetterView> replayed = new ArrayList<>();
        List<DeadLetterView> skipped = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer();
                KafkaProducer<byte[], byte[]> producer = producer()) {
            for (String topic : topics) {
                List<TopicPartition> partitions = partitionsOf(consumer, topic);
                Map<TopicPartition, Long> replayedUpTo = replayedUpTo(consumer, partitions);
                consumer.assign(partitions);
                for (TopicPartition partition : partitions) {
                    consumer.seek(partition, replayedUpTo.getOrDefault(partition, 0L));
                }
                readUpToTheEnd(consumer, partitions, record -> {
                    DeadLetterView view = DeadLetterView.of(record, true);
                    if (view.originalTopic() == null) {
                        LOG.warnf("Dead letter %s-%d@%d names no original topic; replay passes it over",
                                record.topic(), record.partition(), record.offset());
                        skipped.add(view);
                    } else {
                        republish(producer, record, view.originalTopic());
                        replayed.add(view);
                    }
                    consumer.commitSync(Map.of(partition(record), new OffsetAndMetadata(record.offset() + 1)));
                });
            }
        } catch (KafkaException e) {
            throw unavailable("replay", e);
        }
        LOG.infof("Replayed %d dead letter(s), passed over %d", replayed.size(), skipped.size());
        return new ReplayReport(replayed, skipped);
    }

    private static void republish(KafkaProducer<byte[], byte[]> producer, ConsumerRecord<byte[], byte[]> record,
            String originalTopic) {
        List<Header> originalHeaders = StreamSupport.stream(record.headers().spliterator(), false)
                .filter(header -> !header.key().startsWith(DEAD_LETTER_HEADER_PREFIX))
                .toList();
        try {
            producer.send(new ProducerRecord<>(originalTopic, null, record.key(), record.value(), originalHeaders))
                    .get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka ? kafka : new KafkaException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while replaying " + record.topic() + "-" + record.partition() + "@"
                    + record.offset(), e);
        }
    }

    /** Reads {@code partitions} from the consumer's positions up to their end offsets as they are now. */
    private static void readUpToTheEnd(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Instant deadline = Instant.now().plus(READ_TIMEOUT);
        Set<TopicPartition> pending = new TreeSet<>((a, b) -> Integer.compare(a.partition(), b.partition()));
        partitions.stream().filter(partition -> consumer.position(partition) < end.get(partition)).forEach(pending::add);
        while (!pending.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new KafkaException("the dead-letter topic could not be read to its end within " + READ_TIMEOUT);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(partition(record))) {
                    each.accept(record);
                }
            }
            pending.removeIf(partition -> consumer.position(partition) >= end.get(partition));
        }
    }

    private Map<TopicPartition, Long> replayedUpTo(KafkaConsumer<byte[], byte[]> consumer,
            Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        consumer.committed(Set.copyOf(partitions)).forEach((partition, committed) -> {
            if (committed != null) {
                offsets.put(partition, committed.offset());
            }
        });
        return offsets;
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic);
        return partitions == null ? List.of()
                : partitions.stream().map(info -> new TopicPartition(topic, info.partition()))
                        .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = KafkaClientConfig.consumer(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, replayGroup);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, replayGroup + "-reader");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = KafkaClientConfig.producer(kafkaConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, replayGroup + "-producer");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static final long RETRY_AFTER_SECONDS = 5;

    private static ServiceUnavailableException unavailable(String what, KafkaException e) {
        LOG.warnf(e, "Could not %s the dead letters", what);
        return new ServiceUnavailableException("Could not " + what + " the dead letters: the broker did not answer ("
                + e.getMessage() + "); try again", RETRY_AFTER_SECONDS);
    }

    private static List<String> deadLetterTopics(Config config) {
        Set<String> topics = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher matcher = DEAD_LETTER_TOPIC_KEY.matcher(name);
            if (matcher.matches()) {
                config.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
        }
        return List.copyOf(topics);
    }
}
