package work.remote.events.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;

import work.remote.events.CloudEventRecords;

/**
 * Sends outbox rows as CloudEvents in binary mode. Uses the service's {@code kafka.*} configuration (the
 * same the messaging channels use) with an idempotent, acks=all producer, so a retried send never reorders
 * or duplicates within a partition.
 */
@ApplicationScoped
public class OutboxPublisher {

    private final Map<String, Object> kafkaConfig;
    private volatile KafkaProducer<String, String> producer;

    @Inject
    public OutboxPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /** What a batch send achieved: the first {@code acknowledged} rows are on the broker; then maybe a failure. */
    public record Outcome(int acknowledged, Exception failure) {
    }

    public Outcome publishInOrder(List<OutboxEvent> batch) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        try {
            for (OutboxEvent event : batch) {
                sends.add(producer().send(toRecord(event)));
            }
        } catch (RuntimeException e) {
            return afterFailureResetProducer(awaitAcknowledgements(sends, e));
        }
        return afterFailureResetProducer(awaitAcknowledgements(sends, null));
    }

    private Outcome afterFailureResetProducer(Outcome outcome) {
        if (outcome.failure() != null) {
            closeProducer(Duration.ZERO);
        }
        return outcome;
    }

    private static Outcome awaitAcknowledgements(List<Future<RecordMetadata>> sends, Exception sendFailure) {
        int acknowledged = 0;
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
                acknowledged++;
            } catch (ExecutionException e) {
                return new Outcome(acknowledged, (Exception) e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(acknowledged, e);
            }
        }
        return new Outcome(acknowledged, sendFailure);
    }

    private static ProducerRecord<String, String> toRecord(OutboxEvent event) {
        return CloudEventRecords.of(event.topic, event.orderingKey, event.payload, event.id.toString(), event.ceType,
                event.ceSource, event.ceSubject, event.occurredAt);
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                current = producer;
                if (current == null) {
                    current = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
                    producer = current;
                }
            }
        }
        return current;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key) || key.startsWith("sasl.") || key.startsWith("ssl.")
                    || key.equals("security.protocol")) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.getOrDefault("client.id", "remote-work"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    private synchronized void closeProducer(Duration timeout) {
        if (producer != null) {
            producer.close(timeout);
            producer = null;
        }
    }

    @PreDestroy
    void close() {
        closeProducer(Duration.ofSeconds(5));
    }
}
