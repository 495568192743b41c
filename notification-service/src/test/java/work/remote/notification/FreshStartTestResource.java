package work.remote.notification;

import java.util.Map;
import java.util.UUID;


/**
 * The shared infrastructure as a first deployment finds it: a database of its own, never used, a consumer group
 * that has never read, and topics that already hold history, including {@link #HISTORY_TITLE}, published here before
 * the service starts. No grace: anything published before the first start is history.
 */
public class FreshStartTestResource extends NotificationTestResource {

    static final UUID LAUNCH = UUID.randomUUID();
    static final String HISTORY_TITLE = "Published before the first start " + UUID.randomUUID();
    static volatile String historyCeId;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        String fresh = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        config.put("quarkus.datasource.jdbc.url", postgres().jdbcUrl("notification_fresh_" + fresh));
        config.put("mp.messaging.incoming.remote-work-events.group.id", "notification-fresh-" + fresh);
        config.put("notification.history.grace", "0s");
        historyCeId = TestEvents.send(TestEvents.criticalIssue(HISTORY_TITLE, LAUNCH));
        return config;
    }
}
