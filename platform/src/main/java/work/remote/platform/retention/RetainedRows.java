package work.remote.platform.retention;

import java.time.Duration;
import java.util.Objects;

/**
 * Rows of one table that {@link RetentionPurge} deletes once they are older than {@code retention}. The platform
 * retains its inbox and outbox this way; a service retains a table of its own by producing one of these as a bean.
 *
 * @param table       the table, as the purge's metric and log name it
 * @param retention   how long a row is kept
 * @param deleteBatch a statement deleting at most {@code ?2} rows older than the cutoff {@code ?1} (a
 *                    {@code timestamptz}), which claims them with {@code for update skip locked} so that two
 *                    overlapping purges never count a row twice
 */
public record RetainedRows(String table, Duration retention, String deleteBatch) {

    public RetainedRows {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(deleteBatch, "deleteBatch");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the retention of " + table + " must be positive: " + retention);
        }
    }
}
