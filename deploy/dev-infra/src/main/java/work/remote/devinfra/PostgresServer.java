package work.remote.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.postgresql.Driver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server for tests and the local stack: either embedded binaries started by this JVM, or a
 * server that already runs somewhere. Databases are created on first use by {@link #jdbcUrl(String)}.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern BASE_URL = Pattern.compile("(jdbc:postgresql://[^/?]+)/?([^?]*)(\\?.*)?");
    private static final String EMBEDDED_USER = "postgres";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";

    private final EmbeddedPostgres embedded;
    private final String serverUrl;
    private final String maintenanceDatabase;
    private final String query;
    private final String username;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, String serverUrl, String maintenanceDatabase, String query,
            String username, String password) {
        this.embedded = embedded;
        this.serverUrl = serverUrl;
        this.maintenanceDatabase = maintenanceDatabase;
        this.query = query;
        this.username = username;
        this.password = password;
    }

    /**
     * Starts PostgreSQL from the embedded binaries on 127.0.0.1.
     *
     * @param port 0 for a free port
     * @param dataDir where the cluster lives and survives restarts, {@code null} for a temporary one
     *        removed on close
     */
    public static PostgresServer startEmbedded(int port, Path dataDir) {
        if (port != 0) {
            Ports.requireFree(port, "PostgreSQL");
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(Ports.freeOr(port))
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300");
        if (dataDir == null) {
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        } else {
            builder.setDataDirectory(dataDir.toAbsolutePath()).setCleanDataDirectory(false);
        }
        try {
            EmbeddedPostgres embedded = builder.start();
            return new PostgresServer(embedded, "jdbc:postgresql://127.0.0.1:" + embedded.getPort(), "postgres", "",
                    EMBEDDED_USER, EMBEDDED_USER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /**
     * Uses a server that already runs.
     *
     * @param jdbcBaseUrl {@code jdbc:postgresql://host:port}, optionally followed by {@code /database} (used to
     *        create the others, default {@code postgres}) and {@code ?parameters} (kept on every URL)
     */
    public static PostgresServer external(String jdbcBaseUrl, String user, String password) {
        var matcher = BASE_URL.matcher(jdbcBaseUrl.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcBaseUrl);
        }
        String database = matcher.group(2).isEmpty() ? "postgres" : matcher.group(2);
        String query = matcher.group(3) == null ? "" : matcher.group(3);
        return new PostgresServer(null, matcher.group(1), database, query, user, password);
    }

    /** The JDBC URL of {@code database}, which is created first if it does not exist yet. */
    public String jdbcUrl(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database names are lower-case identifiers, not " + database);
        }
        try (Connection connection = connect(maintenanceDatabase)) {
            if (!exists(connection, database)) {
                create(connection, database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + serverUrl, e);
        }
        return url(database);
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** A URL that {@link #external} turns into a handle on this same server. */
    String serverJdbcUrl() {
        return url(maintenanceDatabase);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * Freezes the server for a fault drill, as if its host stopped answering: the postmaster and every process it
     * started are stopped with SIGSTOP until the returned handle is closed, which continues them (SIGCONT). Open
     * connections hang, new ones are accepted by the kernel and never answered. Needs a server on this host whose
     * processes this JVM may signal, and a superuser account (the embedded server's) to find its data directory.
     */
    public Freeze freeze() {
        long postmaster;
        try (Connection connection = connect(maintenanceDatabase);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("show data_directory")) {
            rows.next();
            Path pidFile = Path.of(rows.getString(1), "postmaster.pid");
            postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find the data directory of " + serverUrl, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the postmaster's pid of " + serverUrl, e);
        }
        List<Long> processes = new ArrayList<>();
        processes.add(postmaster);
        ProcessHandle.of(postmaster).orElseThrow(() -> new IllegalStateException("no postmaster " + postmaster))
                .descendants().map(ProcessHandle::pid).forEach(processes::add);
        signal("STOP", processes);
        return new Freeze(processes);
    }

    /** A frozen server; {@link #close()} lets it run again. */
    public static final class Freeze implements AutoCloseable {

        private final List<Long> processes;

        private Freeze(List<Long> processes) {
            this.processes = List.copyOf(processes);
        }

        @Override
        public void close() {
            signal("CONT", processes);
        }
    }

    /** Sends {@code signal} to each process; one that has exited meanwhile (a backend whose client left) is skipped. */
    private static void signal(String signal, List<Long> processes) {
        for (long pid : processes) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                        .start();
                String output = new String(kill.getInputStream().readAllBytes());
                if (kill.waitFor() != 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new IllegalStateException("kill -" + signal + " " + pid + " failed: " + output);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run kill -" + signal, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending SIG" + signal, e);
            }
        }
    }

    /** Stops the embedded server; a server that was already running is left alone. */
    @Override
    public void close() {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }

    @Override
    public String toString() {
        return (embedded != null ? "embedded PostgreSQL at " : "PostgreSQL at ") + serverUrl;
    }

    private String url(String database) {
        return serverUrl + "/" + database + query;
    }

    private Connection connect(String database) throws SQLException {
        Properties credentials = new Properties();
        if (username != null) {
            credentials.setProperty("user", username);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        return new Driver().connect(url(database), credentials);
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            select.setString(1, database);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void create(Connection connection, String database) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            boolean createdConcurrently = DUPLICATE_DATABASE.equals(e.getSQLState())
                    || UNIQUE_VIOLATION.equals(e.getSQLState());
            if (!createdConcurrently) {
                throw e;
            }
        }
    }
}
