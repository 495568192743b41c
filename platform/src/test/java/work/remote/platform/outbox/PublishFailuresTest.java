package work.remote.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/** A row is parked only when the broker refuses the row itself; a failing client or cluster means: try it again. */
class PublishFailuresTest {

    @Test
    void aRowTheBrokerRefusesForWhatItIsIsPermanent() {
        assertThat(PublishFailures.isPermanent(new RecordTooLargeException("too large"))).isTrue();
        assertThat(PublishFailures.isPermanent(new InvalidTopicException("bad topic"))).isTrue();
        assertThat(PublishFailures.isPermanent(new SerializationException("cannot serialise"))).isTrue();
        assertThat(PublishFailures.isPermanent(new PolicyViolationException("refused by policy"))).isTrue();
    }

    @Test
    void aFailingClientOrClusterIsRetried() {
        assertThat(PublishFailures.isPermanent(new TimeoutException("no answer"))).isFalse();
        assertThat(PublishFailures.isPermanent(new NotEnoughReplicasException("one broker left"))).isFalse();
        assertThat(PublishFailures.isPermanent(new TopicAuthorizationException("no ACL"))).isFalse();
        assertThat(PublishFailures.isPermanent(new ProducerFencedException("fenced"))).isFalse();
        assertThat(PublishFailures.isPermanent(new KafkaException("Producer is closed forcefully"))).isFalse();
        assertThat(PublishFailures.isPermanent(new InterruptedException())).isFalse();
    }
}
