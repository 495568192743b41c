package work.remote.ticket.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ticket")
public interface TicketConfig {

    Sla sla();

    Retention retention();

    Escalation escalation();

    Slack slack();

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

    /** When the clock escalates a critical issue beyond the targets its report went to. */
    interface Escalation {

        /** How long a critical issue may wait for someone to acknowledge it before escalation level 1. */
        @WithDefault("15m")
        Duration unacknowledgedAfter();
    }

    /**
     * The Slack app: slash commands and interactions arrive here, verified with the signing secret; the bot token
     * opens modals and looks people up. Both are secrets: never logged, never returned.
     */
    interface Slack {

        /** Whether {@code /slack/*} takes requests; off, they answer 404. */
        @WithDefault("false")
        boolean enabled();

        /** The bot token ({@code xoxb-...}), {@code TICKET_SLACK_BOT_TOKEN}; required when enabled. */
        Optional<String> botToken();

        /** The app's signing secret, {@code TICKET_SLACK_SIGNING_SECRET}; required when enabled. */
        Optional<String> signingSecret();

        /** Where the Web API's methods are, ending with {@code /}: Slack's own unless a stand-in is used. */
        @WithDefault("https://slack.com/api/")
        String apiUrl();

        /** Who a Slack user is here, keyed by their Slack user id ({@code U012ABC}) or their email address. */
        Map<String, Person> people();

        interface Person {

            /** Their stable id here (what their token's {@code sub} carries). */
            String person();

            /** Their roles, as a token's {@code groups} would carry them. */
            Set<String> roles();
        }
    }
}
