package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.events.notification.Channel;
import work.remote.notification.service.RetainedNotifications;
import work.remote.platform.retention.RetentionPurge;
import work.remote.platform.testing.TestClock;

/**
 * Finished deliveries are kept for the retention (90 days), then purged by the platform's retention purge on one
 * replica; pending ones never are.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class DeliveryRetentionTest {

    private static final Duration RETENTION = Duration.ofDays(90);
    @Inject
    TestClock clock;

    @Inject
    RetentionPurge retention;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A delivery planned now, left in {@code state}; a pending one is not due for a year, so no sender takes it. */
    static UUID planned(Delivery.State state, Instant now) {
        return planned(UUID.randomUUID().toString(), state, now);
    }

    static UUID planned(String ceId, Delivery.State state, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Delivery delivery = Delivery.pending(new Delivery.Source(ceId,
                    "work.remote.ticket.TicketOpened", "retention", null, null, null),
                    new PlannedTarget(Channel.EMAIL, "retention@remote.work", "retention"),
                    new RenderedMessage("Retention", "{}", "text", "<p>html</p>"), now);
            delivery.state = state;
            delivery.nextAttemptAt = now.plus(Duration.ofDays(365));
            delivery.persist();
            return delivery.id;
        });
    }

    static boolean exists(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.findById(id) != null);
    }

    @Test
    void finishedDeliveriesOlderThanTheRetentionArePurgedAndPendingOnesNever() {
        Instant planned = clock.freeze();
        UUID delivered = planned(Delivery.State.DELIVERED, planned);
        UUID dead = planned(Delivery.State.DEAD, planned);
        UUID pending = planned(Delivery.State.PENDING, planned);
        UUID sending = planned(Delivery.State.SENDING, planned);

        clock.advance(RETENTION.minusMinutes(1));
        retention.purge();
        assertThat(exists(delivered)).isTrue();
        assertThat(exists(dead)).isTrue();

        clock.advance(Duration.ofMinutes(2));
        assertThat(retention.purge().rows(RetainedNotifications.DELIVERIES)).isGreaterThanOrEqualTo(2);
        assertThat(exists(delivered)).isFalse();
        assertThat(exists(dead)).isFalse();
        assertThat(exists(pending)).isTrue();
        assertThat(exists(sending)).isTrue();
    }

    @Test
    void theRetentionPurgeRunsOnOneReplicaAtATime() throws SQLException {
        Instant planned = clock.freeze();
        UUID delivered = planned(Delivery.State.DELIVERED, planned);
        clock.advance(RETENTION.plusDays(1));

        try (Connection otherReplica = DriverManager.getConnection(jdbcUrl, username, password)) {
            otherReplica.setAutoCommit(false);
            assertThat(tryPurgeLock(otherReplica)).isTrue();

            assertThat(retention.purge().rows(RetainedNotifications.DELIVERIES)).isZero();
            assertThat(exists(delivered)).isTrue();

            otherReplica.rollback();
        }
        assertThat(retention.purge().rows(RetainedNotifications.DELIVERIES)).isPositive();
        assertThat(exists(delivered)).isFalse();
    }

    @Test
    void anEscalationRecordIsPurgedOnlyOnceItsEventHasNoDeliveryLeft() {
        Instant planned = clock.freeze();
        String finished = UUID.randomUUID().toString();
        String stillPending = UUID.randomUUID().toString();
        UUID dead = planned(finished, Delivery.State.DEAD, planned);
        UUID pending = planned(stillPending, Delivery.State.PENDING, planned);
        escalated(finished, planned);
        escalated(stillPending, planned);
        clock.advance(RETENTION.plusDays(1));

        // the escalation records go in the round their deliveries go, or in the next one: the tables are purged in turn
        retention.purge();
        retention.purge();

        assertThat(exists(dead)).isFalse();
        assertThat(isEscalated(finished)).isFalse();
        assertThat(exists(pending)).isTrue();
        assertThat(isEscalated(stillPending)).as("kept while its event has a delivery, so it never escalates twice")
                .isTrue();
    }

    private void escalated(String ceId, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into critical_escalation (ce_id, trigger, escalated_at) values (?1, 'DEAD', ?2)")
                .setParameter(1, ceId).setParameter(2, at).executeUpdate());
    }

    private boolean isEscalated(String ceId) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager.createNativeQuery(
                "select 1 from critical_escalation where ce_id = ?1").setParameter(1, ceId).getResultList().isEmpty());
    }

    /** Takes the purge's lock as another replica's purge transaction does. */
    private static boolean tryPurgeLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, RetentionPurge.ADVISORY_LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
