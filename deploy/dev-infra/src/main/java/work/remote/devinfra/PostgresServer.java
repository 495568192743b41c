package work.remote.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
