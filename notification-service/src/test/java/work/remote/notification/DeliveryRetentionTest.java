package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.notification.Channel;
import work.remote.notification.service.DeliveryRetention;
import work.remote.platform.testing.TestClock;

/** Finished deliveries are kept for the retention (90 days), then purged by one replica; pending ones never are. */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class DeliveryRetentionTest {

    private static final Duration RETENTION = Duration.ofDays(90);

    @Inject
    TestClock clock;

    @Inject
    DeliveryRetention retention;

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
        return QuarkusTransaction.requiringNew().call(() -> {
            Delivery delivery = Delivery.pending(new Delivery.Source(UUID.randomUUID().toString(),
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
        assertThat(retention.purge().orElseThrow()).isGreaterThanOrEqualTo(2);
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

        try (Connection otherReplica = DriverManager.getConnection(jdbcUrl, username,
                password)) {
            otherReplica.setAutoCommit(false);
            assertThat(tryPurgeLock(otherReplica)).isTrue();

            assertThat(retention.purge()).isEqualTo(OptionalInt.empty());
            assertThat(exists(delivered)).isTrue();

            otherReplica.rollback();
        }
        assertThat(retention.purge()).isPresent();
        assertThat(exists(delivered)).isFalse();
    }

    /** Takes the purge's lock as another replica's purge transaction does. */
    private static boolean tryPurgeLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, DeliveryRetention.PURGE_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
