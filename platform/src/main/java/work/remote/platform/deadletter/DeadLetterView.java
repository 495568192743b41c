package work.remote.platform.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;

import work.remote.events.CloudEventHeaders;

/** One record on a dead-letter topic: where it is, where it came from, why it is there, and whether it was replayed. */
@Schema(name = "DeadLetter")
public record DeadLetterView(String topic, int partition, long offset, Instant deadLetteredAt, String originalTopic,
        Integer originalPartition, Long originalOffset, String reason, String cause, String ceId, String ceType,
        String key, boolean replayed) {

    static DeadLetterView of(ConsumerRecord<byte[], byte[]> record, boolean replayed) {
        String partition = header(record, KafkaDeadLetterQueue.DEAD_LETTER_PARTITION);
        String offset = header(record, KafkaDeadLetterQueue.DEAD_LETTER_OFFSET);
        return new DeadLetterView(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), originalTopic(record),
                partition == null ? null : Integer.valueOf(partition), offset == null ? null : Long.valueOf(offset),
                header(record, KafkaDeadLetterQueue.DEAD_LETTER_REASON),
                header(record, KafkaDeadLetterQueue.DEAD_LETTER_CAUSE), header(record, CloudEventHeaders.ID),
                header(record, CloudEventHeaders.TYPE), record.key() == null ? null : new String(record.key(), UTF_8),
                replayed);
    }

    /** The topic the record was consumed from, which a replay publishes it to again. */
    static String originalTopic(ConsumerRecord<byte[], byte[]> record) {
        return header(record, KafkaDeadLetterQueue.DEAD_LETTER_TOPIC);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }
}
