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

    /**
     * How long the replica that committed a row keeps it for its in-memory fast path before the drain may send it
     * (a crashed replica's rows wait this long); longer than the producer's delivery timeout, since a send that fails
     * releases its rows at once.
     */
    @WithDefault("30s")
    Duration fastPathClaim();

    /** Pause after a failed publication before the relay tries again. */
    @WithDefault("1s")
    Duration retryBackoff();
}
