package work.remote.notification.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Slack slack();

    Email email();

    Delivery delivery();

    Escalation escalation();

    Retention retention();

    History history();

    interface Slack {

        /**
         * The product channel's incoming-webhook URL: a secret, from the environment, never logged or echoed. When
         * set, the channel named {@link #channelName()} is registered (or its webhook replaced) with it at start.
         */
        Optional<String> webhookUrl();

        /**
         * More channels' webhooks, secrets like the one above, registered (or their webhook replaced) at start, e.g.
         * {@code notification.slack.webhooks."#cs-launch-instant-withdrawals"=https://hooks.slack.com/...}.
         */
        Map<String, String> webhooks();

        /**
         * The Slack app's bot token ({@code xoxb-…}): a secret, from the environment, never logged or echoed. With it,
         * the channels of {@link #botChannels()} are registered (or bound to it) at start.
         */
        Optional<String> botToken();

        /**
         * Channels the app posts to with {@link #botToken()}, by name and Slack channel id, registered (or bound to
         * the token) at start, e.g. {@code notification.slack.bot-channels."#product"=C0123ABCD}.
         */
        Map<String, String> botChannels();

        /**
         * The Slack user ids of people events name, by their person id (the token's {@code sub}), e.g.
         * {@code notification.slack.people."ali"=U0123ABCD}: a {@code PERSON_FROM_EVENT} target reaches such a
         * person in a direct message from the app (with {@link #botToken()}), anyone else by email.
         */
        Map<String, String> people();

        /**
         * Where Slack's Web API is ({@code chat.postMessage}, {@code chat.update}): the prefix the method names
         * follow. Its host must be allowed like a webhook's ({@link #allowedHosts()}).
         */
        @WithDefault("https://slack.com/api/")
        String apiUrl();

        /**
         * How long a thread reply (or an update) to a bot-token channel waits for the ticket's earlier messages there
         * to be posted; then it goes out anyway, unthreaded (saying so) when its original has no ts.
         */
        @WithDefault("10m")
        Duration threadWait();

        /** The channel the webhook above belongs to, and the one critical issues fall back to. */
        @WithDefault("#product")
        String channelName();

        @WithDefault("5s")
        Duration timeout();

        /** The limit a channel gets when it is registered without one: Slack allows about one message per second. */
        RateLimit rateLimit();

        /**
         * The hosts a webhook URL and the Web API URL may name (exact, case-insensitive). Each must resolve to public
         * addresses only, unless it is also in {@link #allowedInternalHosts()}.
         */
        @WithDefault("hooks.slack.com,slack.com")
        List<String> allowedHosts();

        /**
         * Hosts a webhook (or the Web API URL) may name although they are (or resolve to) private, loopback or
         * link-local addresses: the local stack's and the tests' Slack stand-in. Empty in production.
         */
        Optional<List<String>> allowedInternalHosts();
    }

    interface RateLimit {

        @WithDefault("1")
        double perSecond();

        @WithDefault("3")
        int burst();
    }

    interface Email {

        /** Named recipient groups a route can target, e.g. {@code notification.email.groups.product=a@x,b@x}. */
        Map<String, List<String>> groups();

        /**
         * Addresses of people events name (a relay's supervisor, an action item's owner) by their id, the token's
         * {@code sub}, e.g. {@code notification.email.people."maria.santos"=maria@example.com}; checked before
         * {@link #personDomain()}. With an identity provider whose ids are opaque (Keycloak's user UUIDs) this map is
         * how ids get addresses.
         */
        Map<String, String> people();

        /** The domain a person id is addressed at when {@link #people()} does not list them: id@domain. */
        Optional<String> personDomain();

        /**
         * The domains mail may go to, besides {@link #personDomain()} and the addresses {@link #people()} and
         * {@link #groups()} list; any other recipient is refused.
         */
        @WithDefault("remote.work")
        List<String> allowedDomains();
    }

    interface Delivery {

        /** Whether this instance sends deliveries (off: it only consumes events and plans them). */
        @WithDefault("true")
        boolean enabled();

        /** How many deliveries are sent at the same time, at most (the senders' pool). */
        @WithDefault("32")
        int concurrency();

        /**
         * How many deliveries to one target (a Slack channel, an email address) are sent at the same time, at most:
         * a slow target holds this many senders, never the whole pool. A Slack channel's rate limit bounds it further.
         */
        @WithDefault("8")
        int perTargetConcurrency();

        /** How many deliveries one claim takes, and how many outcomes one transaction records, at most. */
        @WithDefault("100")
        int batchSize();

        /**
         * How long transient failures (5xx, 429, timeouts, connection errors) are retried, counted from the planning
         * of the delivery or its last replay; a delivery still failing then is dead.
         */
        @WithDefault("24h")
        Duration retryWindow();

        /**
         * How long a claimed delivery belongs to the sender that claimed it. A sender that dies between the
         * provider's answer and the record of it leaves its claim behind; once the claim runs out the delivery is due
         * again (the one accepted duplicate). Longer than a send can take ({@code notification.slack.timeout}).
         */
        @WithDefault("1m")
        Duration claimLease();

        /** Backoff before the second attempt; doubles for each further one, with jitter. */
        @WithDefault("1s")
        Duration firstRetryDelay();

        @WithDefault("5m")
        Duration maxRetryDelay();

        /** How often due deliveries are looked for when no commit nudged the worker. */
        @WithDefault("1s")
        Duration pollInterval();
    }

    /** What happens when Slack does not get a critical issue. */
    interface Escalation {

        /** A critical issue whose Slack message is still not delivered this long after it was planned escalates. */
        @WithDefault("5m")
        Duration after();

        /** The email group ({@code notification.email.groups}) an escalation goes to. */
        @WithDefault("product")
        String group();

        /** How often late critical issues are looked for. */
        @WithDefault("10s")
        Duration checkInterval();
    }

    /** How long finished deliveries are kept; the platform's retention purge deletes them (RetainedNotifications). */
    interface Retention {

        /**
         * Delivered and dead deliveries older than this (by when they were planned) are purged, with the escalation
         * records of events that have no delivery left.
         */
        @WithDefault("90d")
        Duration deliveries();
    }

    /** What a fresh database does with the history a new consumer group finds on the topics. */
    interface History {

        /**
         * Events older than the service's first start (recorded in its database) minus this grace are history and
         * sent to nobody; the grace covers clock skew and events on their way while the service was first deployed.
         */
        @WithDefault("15m")
        Duration grace();
    }
}
