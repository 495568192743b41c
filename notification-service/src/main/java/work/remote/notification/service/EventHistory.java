package work.remote.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;

import work.remote.notification.config.NotificationConfig;

/**
 * Tells history from news. A new consumer group on a fresh database reads the topics from their start (Kafka keeps
 * days of events); an event older than this service's first start on its database, minus
 * {@code notification.history.grace}, happened before anyone here could be told, and is sent to nobody. The first
 * start is recorded once, by the first replica to start, and never moves.
 */
@ApplicationScoped
public class EventHistory {

    private final EntityManager entityManager;
    private final Clock clock;
    private final NotificationConfig.History config;
    private volatile Instant firstStart;

    @Inject
    public EventHistory(EntityManager entityManager, Clock clock, NotificationConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config.history();
    }

    void onStart(@Observes StartupEvent startup) {
        firstStart();
    }

    /** Whether an event that happened at {@code eventTime} is history from before this service first started. */
    public boolean isHistory(Instant eventTime) {
        return eventTime.isBefore(firstStart().minus(config.grace()));
    }

    /** When this service first started on its database: recorded now if nobody has yet. */
    @Transactional
    public Instant firstStart() {
        Instant known = firstStart;
        if (known == null) {
            entityManager.createNativeQuery("insert into first_start (started_at) values (?1) on conflict do nothing")
                    .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC))
                    .executeUpdate();
            known = ((OffsetDateTime) entityManager.createNativeQuery("select started_at from first_start",
                    OffsetDateTime.class).getSingleResult()).toInstant();
            firstStart = known;
        }
        return known;
    }
}
