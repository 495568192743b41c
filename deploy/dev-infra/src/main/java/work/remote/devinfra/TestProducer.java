package work.remote.devinfra;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends records to the test broker as another service's outbox would, each acknowledged before the next. */
public final class TestProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    private TestProducer(KafkaProducer<String, String> producer) {
        this.producer = producer;
    }

    public static TestProducer of(String bootstrapServers) {
        return new TestProducer(new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer()));
    }

    /** Sends and waits until the broker acknowledged the record. */
    public void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new AssertionError("the broker refused " + record, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while sending " + record, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
