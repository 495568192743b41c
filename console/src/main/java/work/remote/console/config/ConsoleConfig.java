package work.remote.console.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    Services services();

    DevSignIn devSignIn();

    Sla sla();

    Live live();

    /** The services' base URLs, where the generated clients call them ({@code quarkus.rest-client.<service>.url}). */
    interface Services {

        URI process();

        URI meeting();

        URI ticket();

        URI notification();
    }

    /**
     * Signing in as anyone with the local stack's dev tokens. Off unless enabled, and then only with a token endpoint
     * on this machine (the dev token endpoint listens on 127.0.0.1 only); production signs in with OpenID Connect.
     */
    interface DevSignIn {

        @WithDefault("false")
        boolean enabled();

        /** The dev token endpoint, e.g. {@code http://localhost:8026/tokens}. */
        Optional<URI> tokenUrl();
    }

    /** The critical-issue clock as ticket-service runs it ({@code ticket.sla.*}), for the countdown's words. */
    interface Sla {

        /** How long a critical issue has from its report to its resolution. */
        @WithDefault("PT3H")
        Duration resolveWithin();

        /** When, after the report, an unresolved critical issue is at risk. */
        @WithDefault("PT2H")
        Duration atRiskAfter();
    }

    interface Live {

        /** How many recent events the console keeps, so that a reconnecting page misses none of them. */
        @WithDefault("1000")
        int buffer();
    }
}
