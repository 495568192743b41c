package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import work.remote.events.EventType;
import work.remote.events.notification.Channel;
import work.remote.events.notification.NotificationDead;
import work.remote.events.notification.NotificationDelivered;
import work.remote.notification.service.DeliveryAttempts;
import work.remote.notification.service.SendResult;

/**
 * The batch paths of the sending side, driven directly with no sender of the service's own running: one claim takes
 * each due delivery once, and one batch of mixed outcomes is recorded once each, with one announcement per delivered
 * or dead delivery; the same batch recorded again (as after a commit whose answer was lost) changes nothing.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
@TestProfile(RecordedOutcomesTest.WithoutSenders.class)
class RecordedOutcomesTest {

    public static class WithoutSenders implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.delivery.enabled", "false");
        }
    }

    private static final String DELIVERED = EventType.of(NotificationDelivered.class).ceType();
    private static final String DEAD = EventType.of(NotificationDead.class).ceType();

    @Inject
    DeliveryAttempts attempts;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Test
    void eachOutcomeOfABatchIsRecordedOnceWithOneAnnouncement() {
        List<String> channels = Stream.of("delivered", "posted", "retried", "refused").map(Api::uniqueChannel)
                .toList();
        channels.forEach(channel -> Api.registerChannel(channel, "T0/batch/" + UUID.randomUUID(),
                Map.of("unlimited", true)));
        String mail = "batch-" + UUID.randomUUID().toString().substring(0, 8) + "@remote.work";
        String ceId = plan(channels, mail);

        DeliveryAttempts.Room room = new DeliveryAttempts.Room(10, Map.of(), 8, Set.of());
        DeliveryAttempts.Claimed claimed = attempts.claimPlanned(List.of(ceId), room, 100);
        assertThat(claimed.attempts()).hasSize(5);
        assertThat(attempts.claimPlanned(List.of(ceId), room, 100).attempts()).isEmpty();
        Map<String, Attempt> byTarget = claimed.attempts().stream()
                .collect(Collectors.toMap(Attempt::target, Function.identity()));
        byTarget.values().forEach(attempt -> assertThat(delivery(attempt).claimToken).isEqualTo(attempt.claimToken()));

        List<DeliveryAttempts.Outcome> outcomes = List.of(
                new DeliveryAttempts.Outcome(byTarget.get(channels.get(0)), SendResult.delivered()),
                new DeliveryAttempts.Outcome(byTarget.get(channels.get(1)), SendResult.posted("C0BATCH", "1.2", "1.1")),
                new DeliveryAttempts.Outcome(byTarget.get(channels.get(2)), SendResult.retry("answered 503")),
                new DeliveryAttempts.Outcome(byTarget.get(channels.get(3)), SendResult.giveUp("answered 404")),
                new DeliveryAttempts.Outcome(byTarget.get(mail), SendResult.delivered()));
        Instant before = clock.instant();
        attempts.record(outcomes);
        assertRecordedOnce(byTarget, channels, mail, before);

        attempts.record(outcomes);
        assertRecordedOnce(byTarget, channels, mail, before);
    }

    private void assertRecordedOnce(Map<String, Attempt> byTarget, List<String> channels, String mail,
            Instant before) {
        for (String target : List.of(channels.get(0), channels.get(1), mail)) {
            Delivery delivered = delivery(byTarget.get(target));
            assertThat(delivered.state).isEqualTo(Delivery.State.DELIVERED);
            assertThat(delivered.attempts).isEqualTo(1);
            assertThat(delivered.claimToken).isNull();
            assertThat(delivered.deliveredAt).isAfterOrEqualTo(before.minusMillis(1));
            assertThat(announcements(DELIVERED, delivered.id)).isEqualTo(1);
            assertThat(announcements(DEAD, delivered.id)).isZero();
        }
        Delivery posted = delivery(byTarget.get(channels.get(1)));
        assertThat(List.of(posted.slackChannelId, posted.slackTs, posted.slackThreadTs))
                .containsExactly("C0BATCH", "1.2", "1.1");

        Delivery retried = delivery(byTarget.get(channels.get(2)));
        assertThat(retried.state).isEqualTo(Delivery.State.PENDING);
        assertThat(retried.attempts).isEqualTo(1);
        assertThat(retried.lastError).isEqualTo("answered 503");
        assertThat(retried.claimToken).isNull();
        assertThat(retried.nextAttemptAt).isAfter(before);
        assertThat(announcements(DELIVERED, retried.id) + announcements(DEAD, retried.id)).isZero();

        Delivery refused = delivery(byTarget.get(channels.get(3)));
        assertThat(refused.state).isEqualTo(Delivery.State.DEAD);
        assertThat(refused.attempts).isEqualTo(1);
        assertThat(refused.lastError).isEqualTo("answered 404");
        assertThat(announcements(DEAD, refused.id)).isEqualTo(1);
        assertThat(announcements(DELIVERED, refused.id)).isZero();
    }

    /** Plans one delivery of one event to each Slack channel and to one email address; answers the event's id. */
    private String plan(List<String> channels, String mail) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Delivery.Source source = new Delivery.Source(UUID.randomUUID().toString(), "work.remote.test.Batch",
                    "batch", null, null, null);
            RenderedMessage message = new RenderedMessage("Batch", "{\"text\":\"batch\"}", "batch", "<p>batch</p>");
            for (String channel : channels) {
                Delivery.pending(source, new PlannedTarget(Channel.SLACK, channel, "batch"), message, now).persist();
            }
            Delivery.pending(source, new PlannedTarget(Channel.EMAIL, mail, "batch"), message, now).persist();
            return source.ceId();
        });
    }

    private Delivery delivery(Attempt attempt) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.findById(attempt.deliveryId()));
    }

    private long announcements(String ceType, UUID deliveryId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox_event where ce_type = ?1 and payload like ?2")
                .setParameter(1, ceType)
                .setParameter(2, "%" + deliveryId + "%")
                .getSingleResult()).longValue());
    }
}
