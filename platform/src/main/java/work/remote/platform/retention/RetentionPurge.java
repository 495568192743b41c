package work.remote.platform.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes inbox rows older than {@link RetentionConfig#inbox()} and published outbox rows older than
 * {@link RetentionConfig#outbox()}, in batches of {@link RetentionConfig#batchSize()}, one transaction each.
 * <p>
 * One replica purges at a time: every batch holds a transaction-scoped PostgreSQL advisory lock, and a replica that
 * finds it taken leaves this round to the one holding it. The rows a batch deletes are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so even two purges that overlap never count a row twice.
 * {@code remote_work.retention.purged} counts the rows deleted, per table, and every purge that deleted a row logs how
 * many.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);
    private static final long ADVISORY_LOCK_KEY = 0x72772d7075726765L;

    private final EntityManager entityManager;
    private final RetentionConfig config;
    private final Clock clock;
    private final Counter inboxPurged;
    private final Counter outboxPurged;

    @Inject
    public RetentionPurge(EntityManager entityManager, RetentionConfig config, Clock clock, MeterRegistry meters) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        this.inboxPurged = meters.counter("remote_work.retention.purged", "table", Table.INBOX.name);
        this.outboxPurged = meters.counter("remote_work.retention.purged", "table", Table.OUTBOX.name);
    }

    void refuseAnInboxThatForgetsBeforeTheTopic(@Observes StartupEvent startup) {
        requireInboxOutlivesTopic(config.inbox(), config.topic());
    }

    /** Throws, naming both keys, unless the inbox remembers an event for longer than the topic can redeliver it. */
    static void requireInboxOutlivesTopic(Duration inbox, Duration topic) {
        if (inbox.compareTo(topic) <= 0) {
            throw new ConfigurationException("remote-work.retention.inbox (" + inbox + ") must be longer than "
                    + "remote-work.retention.topic (" + topic + "), the retention of the topics this service reads: "
                    + "an event redelivered after the inbox forgot it would be applied twice");
        }
    }

    @Scheduled(every = "${remote-work.retention.purge-interval:1h}", identity = "retention-purge",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purge();
    }

    /** Purges both tables now, unless another replica is purging; answers how many rows this call deleted. */
    public Purged purge() {
        Instant now = clock.instant();
        Instant inboxCutoff = now.minus(config.inbox());
        Instant outboxCutoff = now.minus(config.outbox());
        long inbox = purge(Table.INBOX, inboxCutoff);
        long outbox = purge(Table.OUTBOX, outboxCutoff);
        inboxPurged.increment(inbox);
        outboxPurged.increment(outbox);
        if (inbox > 0 || outbox > 0) {
            LOG.infof("Retention purge deleted %d inbox row(s) processed before %s and %d published outbox row(s) "
                    + "sent before %s", inbox, inboxCutoff, outbox, outboxCutoff);
        }
        return new Purged(inbox, outbox);
    }

    private long purge(Table table, Instant cutoff) {
        long purged = 0;
        OptionalInt batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> deleteBatch(table, cutoff));
            purged += batch.orElse(0);
        } while (batch.isPresent() && batch.getAsInt() == config.batchSize());
        if (batch.isEmpty()) {
            LOG.debugf("Another replica is purging %s; this one leaves it the rest of the round", table.name);
        }
        return purged;
    }

    /** Deletes one batch; empty when another replica holds the purge lock. */
    private OptionalInt deleteBatch(Table table, Instant cutoff) {
        Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ADVISORY_LOCK_KEY)
                .getSingleResult();
        if (!locked) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(entityManager.createNativeQuery(table.deleteBatch)
                .setParameter(1, cutoff)
                .setParameter(2, config.batchSize())
                .executeUpdate());
    }

    /** The rows one {@link #purge()} deleted. */
    public record Purged(long inboxRows, long outboxRows) {
    }

    private enum Table {
        INBOX("inbox_event", """
                delete from inbox_event where (consumer, ce_id) in (
                    select consumer, ce_id from inbox_event where processed_at < ?1
                    limit ?2 for update skip locked)"""),
        OUTBOX("outbox_event", """
                delete from outbox_event where position in (
                    select position from outbox_event where sent_at < ?1
                    limit ?2 for update skip locked)""");

        private final String name;
        private final String deleteBatch;

        Table(String name, String deleteBatch) {
            this.name = name;
            this.deleteBatch = deleteBatch;
        }
    }
}
