package work.remote.notification.service;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import work.remote.notification.Delivery;

/**
 * Writes what a claim or a batch of outcomes changed in its deliveries (their state, attempts, next attempt, last
 * error, claim, and where Slack put the message) with one statement for the whole batch, in the caller's transaction.
 * The deliveries are read read-only and changed in memory by their own methods; Hibernate would otherwise write each
 * one with every column, its body included.
 */
final class DeliveryStates {

    private static final String SAVE = """
            update delivery set state = saved.state, attempts = saved.attempts,
                next_attempt_at = timestamptz 'epoch' + saved.next_attempt_at * interval '1 microsecond',
                last_error = saved.last_error, claim_token = saved.claim_token,
                delivered_at = timestamptz 'epoch' + saved.delivered_at * interval '1 microsecond',
                slack_channel_id = saved.slack_channel_id, slack_ts = saved.slack_ts,
                slack_thread_ts = saved.slack_thread_ts
            from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) as saved (id, state, attempts, next_attempt_at, last_error,
                claim_token, delivered_at, slack_channel_id, slack_ts, slack_thread_ts)
            where delivery.id = saved.id""";

    private final EntityManager entityManager;

    DeliveryStates(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void save(Collection<Delivery> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<Delivery> deliveries = List.copyOf(changed);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement save = connection.prepareStatement(SAVE)) {
                save.setArray(1, connection.createArrayOf("uuid", column(deliveries, delivery -> delivery.id)));
                save.setArray(2, connection.createArrayOf("varchar",
                        column(deliveries, delivery -> delivery.state.name())));
                save.setArray(3, connection.createArrayOf("int4", column(deliveries, delivery -> delivery.attempts)));
                save.setArray(4, connection.createArrayOf("int8",
                        column(deliveries, delivery -> micros(delivery.nextAttemptAt))));
                save.setArray(5, connection.createArrayOf("varchar", column(deliveries, delivery -> delivery.lastError)));
                save.setArray(6, connection.createArrayOf("uuid", column(deliveries, delivery -> delivery.claimToken)));
                save.setArray(7, connection.createArrayOf("int8",
                        column(deliveries, delivery -> micros(delivery.deliveredAt))));
                save.setArray(8, connection.createArrayOf("varchar",
                        column(deliveries, delivery -> delivery.slackChannelId)));
                save.setArray(9, connection.createArrayOf("varchar", column(deliveries, delivery -> delivery.slackTs)));
                save.setArray(10, connection.createArrayOf("varchar",
                        column(deliveries, delivery -> delivery.slackThreadTs)));
                save.executeUpdate();
            }
        });
    }

    private static Object[] column(List<Delivery> deliveries, Function<Delivery, Object> value) {
        return deliveries.stream().map(value).toArray();
    }

    /** Microseconds since the epoch, as PostgreSQL keeps a timestamp; null stays null. */
    private static Long micros(Instant instant) {
        return instant == null ? null : Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1_000L);
    }
}
