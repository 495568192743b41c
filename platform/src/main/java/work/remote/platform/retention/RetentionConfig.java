package work.remote.platform.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the platform tables keep what they no longer need; {@link RetentionPurge} deletes the rest. */
@ConfigMapping(prefix = "remote-work.retention")
public interface RetentionConfig {

    /**
     * How long the topics this service reads keep their records ({@code retention.ms}; Kafka's default, which the
     * topics of deploy/k8s and the dev broker keep, is 7 days). An event can be delivered again for that long.
     */
    @WithDefault("P7D")
    Duration topic();

    /**
     * How long the inbox remembers a processed {@code ce_id}. It must be longer than {@link #topic()}: a redelivery
     * the inbox has forgotten would be applied twice. The service refuses to start otherwise.
     */
    @WithDefault("P14D")
    Duration inbox();

    /** How long a published outbox row is kept for audit; unpublished and parked rows are never purged. */
    @WithDefault("P7D")
    Duration outbox();

    /** Rows deleted per transaction, so that a purge never holds many locks or one long transaction. */
    @WithDefault("1000")
    int batchSize();

    /** How often the purge runs; one replica at a time does it. */
    @WithDefault("1h")
    Duration purgeInterval();
}
