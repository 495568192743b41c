package work.remote.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;

import work.remote.platform.CloudEventRecords;
import work.remote.platform.KafkaClientConfig;

/**
 * Sends outbox rows as CloudEvents in binary mode. Uses the service's {@code kafka.*} configuration (the
 * same the messaging channels use) with an idempotent, acks=all producer, so a retried send never reorders
 * or duplicates within a partition.
 */
@ApplicationScoped
public class OutboxPublisher {

    /** Beyond the producer's own delivery timeout, how long to wait for an acknowledgement before giving up on it. */
    private static final Duration ACKNOWLEDGEMENT_MARGIN = Duration.ofSeconds(5);

    private final Map<String, Object> kafkaConfig;
    private final int maxRequestSize;
    private final Duration acknowledgementTimeout;
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean failing;

    @Inject
    public OutboxPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
        Object configured = kafkaConfig.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        this.maxRequestSize = configured == null ? CloudEventRecords.MAX_REQUEST_SIZE
                : Integer.parseInt(configured.toString().trim());
        this.acknowledgementTimeout = Duration.ofMillis(
                Long.parseLong(producerConfig().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG).toString().trim()))
                .plus(ACKNOWLEDGEMENT_MARGIN);
    }

    /** What became of one row of a batch: {@code failure} is null once the broker acknowledged it. */
    public record Delivery(OutboxEvent row, Exception failure) {
    }

    /**
     * Sends {@code batch} in order and waits for every acknowledgement. Answers one delivery per row handed to the
     * producer, in batch order; when the producer refused a row outright, that row is the last one answered.
     */
    public List<Delivery> publishInOrder(List<OutboxEvent> batch) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        Exception refused = null;
        try {
            for (OutboxEvent event : batch) {
                sends.add(producer().send(event.toRecord()));
            }
        } catch (RuntimeException e) {
            refused = e;
        }
        List<Delivery> deliveries = awaitAcknowledgements(batch, sends);
        if (refused != null) {
            deliveries.add(new Delivery(batch.get(sends.size()), refused));
        }
        failing = deliveries.stream().anyMatch(delivery -> delivery.failure() != null);
        if (failing) {
            closeProducer(Duration.ZERO);
        }
        return deliveries;
    }

    /**
     * Hands {@code batch} to the producer in order without waiting for the broker; {@code whenAnswered} gets one
     * delivery per row, in batch order, once the broker answered every row (on a producer thread, so it must be
     * quick). A send the producer refused outright fails that row and the rest of the batch. The producer answers
     * every send within its delivery timeout, or fails it when the producer is closed.
     */
    public void sendInOrder(List<OutboxEvent> batch, Consumer<List<Delivery>> whenAnswered) {
        Exception[] failures = new Exception[batch.size()];
        AtomicInteger unanswered = new AtomicInteger(batch.size());
        Runnable answer = () -> {
            if (unanswered.decrementAndGet() == 0) {
                List<Delivery> deliveries = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    deliveries.add(new Delivery(batch.get(i), failures[i]));
                }
                failing = Arrays.stream(failures).anyMatch(Objects::nonNull);
                whenAnswered.accept(deliveries);
            }
        };
        for (int i = 0; i < batch.size(); i++) {
            int index = i;
            try {
                producer().send(batch.get(i).toRecord(), (metadata, failure) -> {
                    failures[index] = failure;
                    answer.run();
                });
            } catch (RuntimeException refused) {
                for (int rest = i; rest < batch.size(); rest++) {
                    failures[rest] = refused;
                    answer.run();
                }
                return;
            }
        }
    }

    /** Whether the last sends this replica made failed: then new rows are better left to the drain's retries. */
    public boolean isFailing() {
        return failing;
    }


    /** The largest record this service's producer sends ({@code kafka.max.request.size}, by default 1 MiB). */
    public int maxRequestSize() {
        return maxRequestSize;
    }

    /**
     * Waits for each acknowledgement, but never longer than the delivery timeout and a margin: a producer that lost
     * its broker can leave a send unanswered, and the relay must then retry with a fresh producer, not wait forever.
     */
    private List<Delivery> awaitAcknowledgements(List<OutboxEvent> batch, List<Future<RecordMetadata>> sends) {
        List<Delivery> deliveries = new ArrayList<>(batch.size());
        long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
        for (int i = 0; i < sends.size(); i++) {
            Exception failure = null;
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                failure = (Exception) e.getCause();
            } catch (TimeoutException e) {
                failure = new org.apache.kafka.common.errors.TimeoutException(
                        "No acknowledgement within " + acknowledgementTimeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            }
            deliveries.add(new Delivery(batch.get(i), failure));
        }
        return deliveries;
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
        Map<String, Object> config = KafkaClientConfig.producer(kafkaConfig);
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
    public void close() {
        closeProducer(Duration.ofSeconds(5));
    }
}
