package work.remote.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "remote-work.outbox")
public interface OutboxConfig {

    /** Rows published per relay transaction. */
    @WithDefault("100")
    int batchSize();

    /** How often the relay looks for rows whose commit-time nudge was missed (another replica, a crash). */
    @WithDefault("2s")
    Duration pollInterval();

    /** Pause after a failed publication before the relay tries again. */
    @WithDefault("1s")
    Duration retryBackoff();
}
