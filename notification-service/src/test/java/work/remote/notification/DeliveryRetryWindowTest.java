package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import work.remote.events.notification.Channel;

/** Transient failures are retried for a time window, not a number of attempts; a refusal is final at once. */
class DeliveryRetryWindowTest {

    private static final Instant PLANNED = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration WINDOW = Duration.ofHours(24);

    private static Delivery planned() {
        return Delivery.pending(new Delivery.Source(UUID.randomUUID().toString(), "work.remote.ticket.TicketOpened",
                "subject", null, null, null), new PlannedTarget(Channel.SLACK, "#product", "route"),
                new RenderedMessage("title", "{}", "text", "<p>html</p>"), PLANNED);
    }

    @Test
    void aTransientFailureInsideTheWindowIsRetriedHoweverManyAttemptsWentBefore() {
        Delivery delivery = planned();
        for (int attempt = 1; attempt <= 50; attempt++) {
            assertThat(delivery.failed("answered 500", Duration.ofMinutes(5), WINDOW,
                    PLANNED.plus(Duration.ofMinutes(10L * attempt)))).isEmpty();
        }
        assertThat(delivery.state).isEqualTo(Delivery.State.PENDING);
        assertThat(delivery.attempts).isEqualTo(50);
    }

    @Test
    void theLastRetryIsWhenTheWindowEndsAndAFailureThenIsDeadWithItsReason() {
        Delivery delivery = planned();
        delivery.failed("answered 500", Duration.ofHours(2), WINDOW, PLANNED.plus(Duration.ofHours(23)));
        assertThat(delivery.nextAttemptAt).isEqualTo(PLANNED.plus(WINDOW));

        assertThat(delivery.failed("answered 503", Duration.ofHours(2), WINDOW, PLANNED.plus(WINDOW)))
                .contains(Delivery.DeathCause.RETRY_WINDOW_ENDED);
        assertThat(delivery.state).isEqualTo(Delivery.State.DEAD);
        assertThat(delivery.lastError).isEqualTo("Retried for 24h without success; the last attempt: answered 503");
    }

    @Test
    void aRefusalIsDeadAtOnceAndAReplayStartsANewWindow() {
        Delivery delivery = planned();
        assertThat(delivery.refused("answered 400: invalid_blocks")).isEqualTo(Delivery.DeathCause.REFUSED);
        assertThat(delivery.state).isEqualTo(Delivery.State.DEAD);
        assertThat(delivery.lastError).isEqualTo("answered 400: invalid_blocks");

        Instant replayed = PLANNED.plus(Duration.ofDays(3));
        delivery.replay(replayed);
        assertThat(delivery.failed("answered 500", Duration.ofMinutes(1), WINDOW, replayed.plus(Duration.ofHours(1))))
                .isEmpty();
    }

    @Test
    void aClaimIsDueAgainWhenItsLeaseRunsOutAndOnlyItsOwnerRecordsAFailure() {
        Delivery delivery = planned();
        UUID token = delivery.claim(PLANNED, Duration.ofMinutes(1));
        assertThat(delivery.isDue(PLANNED.plusSeconds(59))).isFalse();
        assertThat(delivery.isDue(PLANNED.plusSeconds(60))).isTrue();
        UUID takeover = delivery.claim(PLANNED.plusSeconds(60), Duration.ofMinutes(1));
        assertThat(delivery.isClaimedWith(token)).isFalse();
        assertThat(delivery.isClaimedWith(takeover)).isTrue();
        delivery.release(token, PLANNED.plusSeconds(61));
        assertThat(delivery.state).isEqualTo(Delivery.State.SENDING);
    }
}
