package work.remote.meeting.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "meeting")
public interface MeetingConfig {

    /** The remote meeting room a meeting gets when its planner names none: this prefix and the meeting id. */
    @WithDefault("https://meet.remote.work/")
    String roomUrl();

    /** The break between two sessions planned together; the host runs them one after another. */
    @WithDefault("PT15M")
    Duration sessionGap();

    /** Meetings planned from events: process reviews and launch after-action reviews. */
    Automatic automatic();

    ActionItems actionItems();

    Recipients recipients();

    interface Automatic {

        /** How long after the event the first session starts (then rounded up to the full hour). */
        @WithDefault("P2D")
        Duration leadTime();

        /** The zone the meetings are planned in and shown with. */
        @WithDefault("UTC")
        String zone();

        @WithDefault("45")
        int discussionMinutes();

        @WithDefault("60")
        int retrospectiveMinutes();
    }

    interface ActionItems {

        /** The zone whose calendar decides when a due date has passed. */
        @WithDefault("UTC")
        String zone();

        /** When the daily job looks for overdue items (Quarkus cron; {@code off} disables it). */
        @WithDefault("0 0 6 * * ?")
        String overdueCron();
    }

    /** Whom the mail about meetings may reach; notification-service holds the same list and mails nobody else. */
    interface Recipients {

        /**
         * The domains a person named by email address (a host, an invitee, a supervisor, an action item's owner) must
         * be in; person ids that are not addresses are always accepted. Must match notification-service's
         * {@code notification.email.allowed-domains} and its person domain.
         */
        @WithDefault("remote.work,remote-work.local")
        List<String> allowedDomains();
    }
}
