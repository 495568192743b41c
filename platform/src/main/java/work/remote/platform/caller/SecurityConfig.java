package work.remote.platform.caller;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "remote-work.security")
public interface SecurityConfig {

    /** How many verified bearer tokens a replica remembers until they expire; 0 verifies every request again. */
    @WithDefault("10000")
    long verifiedTokens();
}
