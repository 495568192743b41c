package work.remote.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Client settings derived from a service's {@code kafka.*} configuration (the {@code default-kafka-broker} map the
 * messaging channels use), for the clients this module runs itself: the outbox relay and the dead-letter replay.
 */
public final class KafkaClientConfig {

    private KafkaClientConfig() {
    }

    public static Map<String, Object> producer(Map<String, Object> kafkaConfig) {
        return only(kafkaConfig, ProducerConfig.configNames());
    }

    public static Map<String, Object> consumer(Map<String, Object> kafkaConfig) {
        return only(kafkaConfig, ConsumerConfig.configNames());
    }

    private static Map<String, Object> only(Map<String, Object> kafkaConfig, Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (names.contains(key) || key.startsWith("sasl.") || key.startsWith("ssl.")
                    || key.equals("security.protocol")) {
                config.put(key, value);
            }
        });
        return config;
    }
}
