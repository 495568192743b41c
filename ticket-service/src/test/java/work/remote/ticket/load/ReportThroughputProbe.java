package work.remote.ticket.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.ticket.TicketTestResource;

/**
 * The write measure of issue 14 inside one JVM: {@code POST /tickets} (non-critical) from 16 connections for a fixed
 * time, next to the same three inserts (ticket, timeline row, outbox row) over plain JDBC from 16 clients on the same
 * database. Off in {@code verify}; run it with
 * {@code ./mvnw -o -pl ticket-service -am verify -Dtest=ReportThroughputProbe -Dsurefire.failIfNoSpecifiedTests=false
 * -Dremote-work.probe=true}. The driver shares the machine with the service, so compare ratios, not absolutes.
 */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
@EnabledIfSystemProperty(named = "remote-work.probe", matches = "true")
class ReportThroughputProbe {

    private static final int CONNECTIONS = 16;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration MEASURED = Duration.ofSeconds(20);
    private static final String BODY = """
            {"title": "Export button greyed out", "type": "QUESTION", "impact": "NONE", "affectedUsers": 1,
             "description": "Seen by support", "impactDetail": "none"}
            """;

    @TestHTTPResource("/tickets")
    URI tickets;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void reportsPerSecondNextToTheJdbcBaseline() throws Exception {
        String token = RemoteWorkTestResource.tokens().token("probe-cs-agent", "cs-agent");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(tickets).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        Callable<Boolean> report = () -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
        run("warm-up", report, WARM_UP);
        double reports = run("POST /tickets", report, MEASURED);

        double baseline = runJdbc();
        System.out.printf("PROBE POST /tickets %.0f req/s, JDBC baseline %.0f tx/s, ratio %.2f%n", reports, baseline,
                reports / baseline);
    }

    private double runJdbc() throws Exception {
        BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(CONNECTIONS);
        for (int i = 0; i < CONNECTIONS; i++) {
            Connection connection = DriverManager.getConnection(jdbcUrl, username, password);
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        Callable<Boolean> transaction = () -> {
            Connection connection = connections.take();
            try {
                threeInserts(connection);
            } finally {
                connections.add(connection);
            }
            return true;
        };
        try {
            run("JDBC warm-up", transaction, WARM_UP);
            return run("JDBC baseline", transaction, MEASURED);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static void threeInserts(Connection connection) throws Exception {
        UUID ticket = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into ticket (id, type, title, description, impact, impact_detail, affected_users, severity,
                 state, reporter, reported_at, version, links) values (?, 'QUESTION', 'Export button greyed out',
                 'Seen by support', 'NONE', 'none', 1, 'LOW', 'OPEN', 'probe', ?, 0, '[]')""")) {
            insert.setObject(1, ticket);
            insert.setTimestamp(2, now);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into ticket_change (id, ticket_id, at, actor, action, detail)
                 values (?, ?, ?, 'probe', 'REPORTED', 'LOW QUESTION, impact NONE')""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, ticket);
            insert.setTimestamp(3, now);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_event (id, topic, ordering_key, ce_type, ce_source, ce_subject, occurred_at, payload,
                 sent_at) values (?, 'probe', ?, 'probe', '/probe', ?, ?, '{}', now())""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, ticket.toString());
            insert.setString(3, ticket.toString());
            insert.setTimestamp(4, now);
            insert.executeUpdate();
        }
        connection.commit();
    }

    private static double run(String name, Callable<Boolean> work, Duration duration) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong clientCpu = new AtomicLong();
        long processCpuBefore = processCpuNanos();
        long httpClientCpuBefore = httpClientCpuNanos();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            loops.add(clients.submit(() -> {
                long cpuBefore = THREADS.getCurrentThreadCpuTime();
                while (System.nanoTime() < end) {
                    (work.call() ? done : failed).incrementAndGet();
                }
                clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuBefore);
                return null;
            }));
        }
        for (Future<?> loop : loops) {
            loop.get();
        }
        clients.shutdown();
        double perSecond = done.get() / ((System.nanoTime() - start) / 1e9);
        long serviceCpu = processCpuNanos() - processCpuBefore - clientCpu.get()
                - (httpClientCpuNanos() - httpClientCpuBefore);
        System.out.printf("PROBE %s: %d done, %d failed, %.0f/s, %.2f ms CPU per operation in this JVM outside the "
                + "driver's threads%n", name, done.get(), failed.get(), perSecond, serviceCpu / 1e6 / done.get());
        return perSecond;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The JDK HTTP client's own threads (its selector and workers) belong to the driver, not the service. */
    private static long httpClientCpuNanos() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("HttpClient-"))
                .mapToLong(thread -> Math.max(0, THREADS.getThreadCpuTime(thread.getId()))).sum();
    }
}
