package work.remote.platform.retention;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

class RetentionPurgeTest {

    @Test
    void anInboxRetentionNotLongerThanTheTopicsIsRefusedAtStartUp() {
        assertThatThrownBy(() -> RetentionPurge.requireInboxOutlivesTopic(Duration.ofDays(7), Duration.ofDays(7)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("remote-work.retention.inbox (PT168H) must be longer than "
                        + "remote-work.retention.topic (PT168H)");
        assertThatThrownBy(() -> RetentionPurge.requireInboxOutlivesTopic(Duration.ofDays(3), Duration.ofDays(7)))
                .hasMessageContaining("remote-work.retention.inbox (PT72H)");
    }

    @Test
    void anInboxThatOutlivesTheTopicIsAccepted() {
        assertThatCode(() -> RetentionPurge.requireInboxOutlivesTopic(Duration.ofDays(14), Duration.ofDays(7)))
                .doesNotThrowAnyException();
    }
}
