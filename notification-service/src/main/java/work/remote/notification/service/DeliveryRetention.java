package work.remote.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import work.remote.notification.config.NotificationConfig;

/**
 * Purges finished deliveries (delivered or dead) planned longer ago than {@code notification.retention.deliveries},
 * and the escalation records of events that have no delivery left. Pending and in-flight deliveries are never
 * purged, whatever their age. One replica at a time purges: the purge holds a PostgreSQL advisory lock for its
 * transaction, and a replica that cannot take it skips this round.
 */
@ApplicationScoped
public class DeliveryRetention {

    /** The advisory lock key of the purge: "notif-purge" as a number, shared by every replica. */
    public static final long PURGE_LOCK = 0x6e6f746966707267L;
    private static final Logger LOG = Logger.getLogger(DeliveryRetention.class);

    private final EntityManager entityManager;
    private final Clock clock;
    private final NotificationConfig.Retention config;

    @Inject
    public DeliveryRetention(EntityManager entityManager, Clock clock, NotificationConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config.retention();
    }

    @Scheduled(every = "${notification.retention.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Purging old deliveries failed; the next round tries again");
        }
    }

    /** Purges what the retention lets go; answers how many deliveries, or empty when another replica is purging. */
    public OptionalInt purge() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, PURGE_LOCK).getSingleResult();
            if (!locked) {
                return OptionalInt.empty();
            }
            OffsetDateTime cutoff = clock.instant().minus(config.deliveries()).atOffset(ZoneOffset.UTC);
            int deliveries = entityManager.createNativeQuery("""
                    delete from delivery where state in ('DELIVERED', 'DEAD') and created_at < ?1""")
                    .setParameter(1, cutoff).executeUpdate();
            entityManager.createNativeQuery("""
                    delete from critical_escalation e where e.escalated_at < ?1
                      and not exists (select 1 from delivery d where d.ce_id = e.ce_id)""")
                    .setParameter(1, cutoff).executeUpdate();
            if (deliveries > 0) {
                LOG.infof("Purged %d finished deliveries older than %s", deliveries, config.deliveries());
            }
            return OptionalInt.of(deliveries);
        });
    }
}
