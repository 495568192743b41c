package work.remote.ticket;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Counts the SQL statements that read launches and their records, whoever runs them, so that a test can count what a
 * request costs without the outbox relay's or the SLA clock's statements in the count.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class LaunchStatements implements StatementInspector {

    private static final Pattern LAUNCH_TABLES = Pattern.compile(
            "\\b(from|join)\\s+(launch\\w*|onboarding_participation|training_record)\\b", Pattern.CASE_INSENSITIVE);

    private final AtomicLong count = new AtomicLong();

    @Override
    public String inspect(String sql) {
        if (LAUNCH_TABLES.matcher(sql).find()) {
            count.incrementAndGet();
        }
        return sql;
    }

    public long count() {
        return count.get();
    }
}
