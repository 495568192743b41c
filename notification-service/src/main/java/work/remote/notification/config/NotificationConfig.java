package work.remote.notification.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** Base URL people use to reach this service's API; event links point below it. */
    @WithDefault("http://localhost:8084")
    String publicUrl();

    Slack slack();

    Email email();

    Delivery delivery();

    interface Slack {

        /** The product channel's incoming-webhook URL: a secret, from the environment, never logged or echoed. */
        String webhookUrl();

        /** The channel's display name, used in the delivery log instead of the URL. */
        @WithDefault("#product")
        String channelName();

        @WithDefault("5s")
        Duration timeout();
    }

    interface Email {

        /** Who hears of critical issues by email. */
        @WithDefault("product-team@remote.work")
        List<String> productGroup();
    }

    interface Delivery {

        /** How many deliveries are sent at the same time. */
        @WithDefault("4")
        int concurrency();

        @WithDefault("5")
        int maxAttempts();

        /** Backoff before the second attempt; doubles for each further one, with jitter. */
        @WithDefault("1s")
        Duration firstRetryDelay();

        @WithDefault("5m")
        Duration maxRetryDelay();

        /** How often due deliveries are looked for when no commit nudged the worker. */
        @WithDefault("1s")
        Duration pollInterval();
    }
}
