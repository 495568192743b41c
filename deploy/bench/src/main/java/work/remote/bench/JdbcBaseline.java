package work.remote.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;

import work.remote.events.EventJson;
import work.remote.events.EventType;
import work.remote.events.ticket.Impact;
import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketOpened;
import work.remote.events.ticket.TicketType;

/**
 * The database's pace for what a non-critical report writes: the ticket row, its timeline row ({@code REPORTED}) and
 * its {@code TicketOpened} outbox row, in one transaction, from {@code clients} connections at once, on ticket-service's
 * own PostgreSQL database. The rows go to copies of the three tables ({@code CREATE TABLE ... (LIKE ... INCLUDING ALL)},
 * so the same columns, defaults, checks and indexes, plus the timeline's foreign key) in a schema of the run's own,
 * dropped afterwards, so that the outbox relay never sees them.
 */
final class JdbcBaseline {

    private static final EventType TICKET_OPENED = EventType.of(TicketOpened.class);

    private final String jdbcUrl;
    private final Properties credentials = new Properties();
    private final String schema = "bench_baseline_" + UUID.randomUUID().toString().substring(0, 8);

    /** Connects as ticket-service does, with the datasource the stack gave it. */
    JdbcBaseline(ServiceProcess ticketService) {
        this.jdbcUrl = ticketService.requiredProperty("quarkus.datasource.jdbc.url");
        ticketService.property("quarkus.datasource.username").ifPresent(user -> credentials.setProperty("user", user));
        ticketService.property("quarkus.datasource.password")
                .ifPresent(password -> credentials.setProperty("password", password));
    }

    /** Transactions per second committed during {@code duration}. */
    double measure(int clients, Duration warmup, Duration duration) throws Exception {
        System.out.printf("Baseline: ticket + timeline row + outbox row in one JDBC transaction, %d connections, "
                + "%d s warm-up, %d s measured, on %s%n", clients, warmup.toSeconds(), duration.toSeconds(), jdbcUrl);
        try (Connection admin = DriverManager.getConnection(jdbcUrl, credentials)) {
            createTables(admin);
            try {
                double perSecond = run(clients, warmup, duration);
                System.out.printf("JDBC baseline: %.0f tx/s%n%n", perSecond);
                return perSecond;
            } finally {
                try (Statement drop = admin.createStatement()) {
                    drop.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private void createTables(Connection admin) throws SQLException {
        try (Statement ddl = admin.createStatement()) {
            ddl.execute("CREATE SCHEMA " + schema);
            ddl.execute("CREATE TABLE " + schema + ".ticket (LIKE public.ticket INCLUDING ALL)");
            ddl.execute("CREATE TABLE " + schema + ".ticket_change (LIKE public.ticket_change INCLUDING ALL)");
            ddl.execute("ALTER TABLE " + schema + ".ticket_change ADD FOREIGN KEY (ticket_id) REFERENCES " + schema
                    + ".ticket (id)");
            ddl.execute("CREATE TABLE " + schema + ".outbox_event (LIKE public.outbox_event INCLUDING ALL)");
            // LIKE copies the default nextval(public sequence): give the copy a sequence of its own
            ddl.execute("CREATE SEQUENCE " + schema + ".outbox_event_position");
            ddl.execute("ALTER TABLE " + schema + ".outbox_event ALTER COLUMN position SET DEFAULT nextval('" + schema
                    + ".outbox_event_position')");
        }
    }

    private double run(int clients, Duration warmup, Duration duration) throws Exception {
        long warmupEnds = System.nanoTime() + warmup.toNanos();
        long measureEnds = warmupEnds + duration.toNanos();
        AtomicLong committed = new AtomicLong();
        ExecutorService executor = Executors.newFixedThreadPool(clients);
        List<Future<?>> loops = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            loops.add(executor.submit(() -> {
                try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials)) {
                    connection.setAutoCommit(false);
                    Inserts inserts = new Inserts(connection);
                    while (System.nanoTime() < measureEnds) {
                        inserts.report();
                        connection.commit();
                        long committedAt = System.nanoTime();
                        if (committedAt > warmupEnds && committedAt <= measureEnds) {
                            committed.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> loop : loops) {
                loop.get();
            }
        } finally {
            executor.shutdownNow();
        }
        return committed.get() / (duration.toNanos() / 1e9);
    }

    /** The three inserts of one report, with the values ticket-service writes for a non-critical one. */
    private final class Inserts {

        private final PreparedStatement ticket;
        private final PreparedStatement timeline;
        private final PreparedStatement outbox;
        private int sequence;

        Inserts(Connection connection) throws SQLException {
            ticket = connection.prepareStatement("INSERT INTO " + schema + ".ticket (id, title, description, type, "
                    + "severity, impact, affected_users, reporter, reporter_name, state, reported_at, version, links) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, 0, ?::jsonb)");
            timeline = connection.prepareStatement("INSERT INTO " + schema + ".ticket_change (id, ticket_id, at, actor, "
                    + "actor_name, action, detail) VALUES (?, ?, ?, ?, ?, 'REPORTED', ?)");
            outbox = connection.prepareStatement("INSERT INTO " + schema + ".outbox_event (id, topic, ordering_key, "
                    + "ce_type, ce_source, ce_subject, occurred_at, payload, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)");
        }

        void report() throws SQLException, JsonProcessingException {
            UUID id = UUID.randomUUID();
            Instant now = Instant.now();
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            String title = "Benchmark: slow page " + sequence++;
            ticket.setObject(1, id);
            ticket.setString(2, title);
            ticket.setString(3, "generated by deploy/bench");
            ticket.setString(4, TicketType.BUG.name());
            ticket.setString(5, Severity.MEDIUM.name());
            ticket.setString(6, Impact.DEGRADED.name());
            ticket.setInt(7, 3);
            ticket.setString(8, "dev-cs-agent");
            ticket.setString(9, "dev-cs-agent");
            ticket.setObject(10, at);
            ticket.setString(11, "[]");
            ticket.executeUpdate();

            timeline.setObject(1, UUID.randomUUID());
            timeline.setObject(2, id);
            timeline.setObject(3, at);
            timeline.setString(4, "dev-cs-agent");
            timeline.setString(5, "dev-cs-agent");
            timeline.setString(6, "MEDIUM BUG, impact DEGRADED");
            timeline.executeUpdate();

            TicketOpened event = new TicketOpened(id, null, null, title, TicketType.BUG, Severity.MEDIUM,
                    Impact.DEGRADED, 3, "dev-cs-agent", now, "http://localhost:8083/tickets/" + id);
            outbox.setObject(1, UUID.randomUUID());
            outbox.setString(2, TICKET_OPENED.topic());
            outbox.setString(3, event.orderingKey());
            outbox.setString(4, TICKET_OPENED.ceType());
            outbox.setString(5, TICKET_OPENED.source());
            outbox.setString(6, event.eventSubject());
            outbox.setObject(7, at);
            outbox.setString(8, EventJson.mapper().writeValueAsString(event));
            outbox.executeUpdate();
        }
    }
}
