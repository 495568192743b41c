package work.remote.ticket.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ticket")
public interface TicketConfig {

    Sla sla();

    Retention retention();

    /** Whether to walk the DESIGN.md launch case at startup (for the local stack), unless it exists already. */
    @WithDefault("false")
    boolean seedExample();

    interface Sla {

        /** How long a critical (money) issue may stay unresolved. */
        @WithDefault("PT3H")
        Duration criticalResolveWithin();

        /** When, after the report, a still unresolved critical issue is announced as at risk. */
        @WithDefault("PT2H")
        Duration atRiskAfter();

        /** How often the clock looks for deadlines to announce (also the longest an announcement can be late). */
        @WithDefault("10s")
        Duration checkInterval();
    }

    /** How long this service's own history is kept; platform's retention purge deletes what is older. */
    interface Retention {

        /**
         * How long an entry of a launch's audit trail or of a ticket's timeline is kept. A year and a month by
         * default, so that a yearly review still finds every entry of last year's launches.
         */
        @WithDefault("P400D")
        Duration audit();
    }
}
