package work.remote.notification.service;

import java.util.ArrayList;
import java.util.List;

import work.remote.events.EventType;
import work.remote.events.notification.Channel;
import work.remote.events.notification.NotificationDead;
import work.remote.notification.PlannedTarget;

/**
 * Keeps announcements of dead deliveries from feeding on themselves. A {@code NotificationDead} never goes to the
 * Slack channel whose delivery just died. One about an announcement that died goes by email only, and one about an
 * announcement email that died goes nowhere: so a chain of dead announcements ends after two links, even when both
 * the ops channel and the ops mailbox refuse everything.
 */
public final class DeadNotificationGuard {

    private static final String DEAD_NOTIFICATION = EventType.of(NotificationDead.class).ceType();

    private DeadNotificationGuard() {
    }

    /** The targets {@code dead} is announced to, of those its routes chose, and those it leaves out. */
    public static Routing.Targets apply(NotificationDead dead, List<PlannedTarget> targets) {
        boolean aboutAnAnnouncement = DEAD_NOTIFICATION.equals(dead.sourceEventType());
        List<PlannedTarget> kept = new ArrayList<>();
        List<PlannedTarget> suppressed = new ArrayList<>();
        for (PlannedTarget target : targets) {
            boolean toTheDeadChannel = dead.channel() == Channel.SLACK && target.channel() == Channel.SLACK
                    && target.target().equals(dead.target());
            boolean leftOut = toTheDeadChannel
                    || aboutAnAnnouncement && (target.channel() == Channel.SLACK || dead.channel() == Channel.EMAIL);
            (leftOut ? suppressed : kept).add(target);
        }
        return new Routing.Targets(kept, suppressed);
    }
}
