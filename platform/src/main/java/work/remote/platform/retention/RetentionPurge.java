package work.remote.platform.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes inbox rows older than {@link RetentionConfig#inbox()}, published outbox rows older than
 * {@link RetentionConfig#outbox()} and the old rows of every {@link RetainedRows} a service declares as a bean, in
 * batches of {@link RetentionConfig#batchSize()}, one transaction each.
 * <p>
 * One replica purges at a time: every batch holds a transaction-scoped PostgreSQL advisory lock, and a replica that
 * finds it taken leaves this round to the one holding it. The rows a batch deletes are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so even two purges that overlap never count a row twice.
 * {@code remote_work.retention.purged} counts the rows deleted, per table, and every purge that deleted a row logs how
 * many.
 */
@ApplicationScoped
public class RetentionPurge {

    public static final String INBOX = "inbox_event";
    public static final String OUTBOX = "outbox_event";
    /** The transaction-scoped advisory lock a purging replica holds: "rw-purge" as a number. */
    public static final long ADVISORY_LOCK_KEY = 0x72772d7075726765L;

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    private final EntityManager entityManager;
    private final RetentionConfig config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final List<RetainedRows> tables;

    @Inject
    public RetentionPurge(EntityManager entityManager, RetentionConfig config, Clock clock, MeterRegistry meters,
            Instance<RetainedRows> serviceTables) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
        List<RetainedRows> all = new ArrayList<>();
        all.add(new RetainedRows(INBOX, config.inbox(), """
                delete from inbox_event where (consumer, ce_id) in (
                    select consumer, ce_id from inbox_event where processed_at < ?1
                    limit ?2 for update skip locked)"""));
        all.add(new RetainedRows(OUTBOX, config.outbox(), """
                delete from outbox_event where position in (
                    select position from outbox_event where sent_at < ?1
                    limit ?2 for update skip locked)"""));
        serviceTables.forEach(all::add);
        this.tables = List.copyOf(all);
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

    /** Purges every retained table now, unless another replica is purging; answers how many rows this call deleted. */
    public Purged purge() {
        Instant now = clock.instant();
        Map<String, Long> purged = new LinkedHashMap<>();
        for (RetainedRows table : tables) {
            Instant cutoff = now.minus(table.retention());
            TableRound round = purge(table, cutoff);
            purged.merge(table.table(), round.rows(), Long::sum);
            meters.counter("remote_work.retention.purged", "table", table.table()).increment(round.rows());
            if (round.rows() > 0) {
                LOG.infof("Retention purge deleted %d row(s) of %s older than %s", round.rows(), table.table(), cutoff);
            }
            if (round.ceded()) {
                LOG.debugf("Another replica took the purge over at %s; it purges every table this round", table.table());
                break;
            }
        }
        return new Purged(purged);
    }

    /**
     * Purges one table batch by batch. A replica that finds the lock taken between two batches stops the whole round:
     * the one holding it started its own round, which covers every table from the first.
     */
    private TableRound purge(RetainedRows table, Instant cutoff) {
        long purged = 0;
        OptionalInt batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> deleteBatch(table, cutoff));
            purged += batch.orElse(0);
        } while (batch.isPresent() && batch.getAsInt() == config.batchSize());
        return new TableRound(purged, batch.isEmpty());
    }

    private record TableRound(long rows, boolean ceded) {
    }

    /** Deletes one batch; empty when another replica holds the purge lock. */
    private OptionalInt deleteBatch(RetainedRows table, Instant cutoff) {
        Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, ADVISORY_LOCK_KEY)
                .getSingleResult();
        if (!locked) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(entityManager.createNativeQuery(table.deleteBatch())
                .setParameter(1, cutoff)
                .setParameter(2, config.batchSize())
                .executeUpdate());
    }

    /** The rows one {@link #purge()} deleted, per table. */
    public record Purged(Map<String, Long> rowsByTable) {

        public Purged {
            rowsByTable = Map.copyOf(rowsByTable);
        }

        public long rows(String table) {
            return rowsByTable.getOrDefault(table, 0L);
        }
    }
}
