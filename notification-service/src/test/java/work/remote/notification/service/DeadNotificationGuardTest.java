package work.remote.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import work.remote.events.EventSamples;
import work.remote.events.notification.Channel;
import work.remote.events.notification.NotificationDead;
import work.remote.notification.PlannedTarget;

/** Announcements of dead deliveries end: never to the channel that died, never Slack about an announcement. */
class DeadNotificationGuardTest {

    private static final PlannedTarget OPS_MAIL = new PlannedTarget(Channel.EMAIL, "ops-team@remote.work", "r");
    private static final PlannedTarget OPS_CHANNEL = new PlannedTarget(Channel.SLACK, "#ops", "r");
    private static final List<PlannedTarget> ROUTED = List.of(OPS_MAIL, OPS_CHANNEL);

    private static NotificationDead dead(String sourceEventType, Channel channel, String target) {
        NotificationDead sample = EventSamples.notificationDead();
        return new NotificationDead(UUID.randomUUID(), UUID.randomUUID(), sourceEventType, sample.sourceSubject(),
                channel, target, 1, "answered 404", sample.diedAt(), sample.link());
    }

    @Test
    void anOrdinaryDeadDeliveryGoesEverywhereItsRoutesSay() {
        Routing.Targets targets = DeadNotificationGuard.apply(
                dead("work.remote.ticket.CriticalIssueReported", Channel.SLACK, "#product"), ROUTED);
        assertThat(targets.chosen()).containsExactly(OPS_MAIL, OPS_CHANNEL);
        assertThat(targets.suppressed()).isEmpty();
    }

    @Test
    void aDeadDeliveryIsNeverAnnouncedOnTheChannelThatDied() {
        Routing.Targets targets = DeadNotificationGuard.apply(
                dead("work.remote.ticket.LaunchStarted", Channel.SLACK, "#ops"), ROUTED);
        assertThat(targets.chosen()).containsExactly(OPS_MAIL);
        assertThat(targets.suppressed()).containsExactly(OPS_CHANNEL);
    }

    @Test
    void aDeadAnnouncementIsAnnouncedByEmailOnlyAndADeadAnnouncementEmailNowhere() {
        Routing.Targets aboutSlack = DeadNotificationGuard.apply(
                dead("work.remote.notification.NotificationDead", Channel.SLACK, "#elsewhere"), ROUTED);
        assertThat(aboutSlack.chosen()).containsExactly(OPS_MAIL);
        Routing.Targets aboutEmail = DeadNotificationGuard.apply(
                dead("work.remote.notification.NotificationDead", Channel.EMAIL, "ops-team@remote.work"), ROUTED);
        assertThat(aboutEmail.chosen()).isEmpty();
        assertThat(aboutEmail.suppressed()).containsExactly(OPS_MAIL, OPS_CHANNEL);
    }
}
