package work.remote.platform.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "remote-work.inbox")
public interface InboxConfig {

    /** Pause after the first failed attempt; it doubles after every further failure up to {@link #retryMaxBackoff()}. */
    @WithDefault("100ms")
    Duration retryInitialBackoff();

    /** The longest pause between two attempts while the database is unreachable. */
    @WithDefault("5s")
    Duration retryMaxBackoff();

    /**
     * Attempts an event gets when its effect fails for a reason that is neither transient nor a malformed record
     * (a programming error, a rule the event breaks); after the last one it goes to the dead-letter topic.
     */
    @WithDefault("5")
    int unexpectedFailureAttempts();
}
