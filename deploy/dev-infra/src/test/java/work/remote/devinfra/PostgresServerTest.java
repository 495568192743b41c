package work.remote.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @Test
    void createsADatabaseOnFirstUseAndAnswersQueries() throws Exception {
        try (PostgresServer postgres = PostgresServer.startEmbedded(0, null)) {
            String url = postgres.jdbcUrl("ticket");

            assertThat(url).matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/ticket");
            assertThat(postgres.jdbcUrl("ticket")).isEqualTo(url);
            assertThat(query(url, postgres, "select 1")).isEqualTo("1");
            assertThat(query(url, postgres, "select current_database()")).isEqualTo("ticket");
        }
    }

    @Test
    void keepsItsDataInAGivenDirectoryAcrossRestarts(@TempDir Path dataDir) throws Exception {
        try (PostgresServer postgres = PostgresServer.startEmbedded(0, dataDir)) {
            execute(postgres.jdbcUrl("meeting"), postgres, "create table kept (id int); insert into kept values (7)");
        }
        try (PostgresServer postgres = PostgresServer.startEmbedded(0, dataDir)) {
            assertThat(query(postgres.jdbcUrl("meeting"), postgres, "select id from kept")).isEqualTo("7");
        }
    }

    @Test
    void usesARunningServerThroughItsBaseUrl() throws Exception {
        try (PostgresServer embedded = PostgresServer.startEmbedded(0, null)) {
            String base = embedded.jdbcUrl("postgres").replace("/postgres", "?ApplicationName=remote-work");
            PostgresServer external = PostgresServer.external(base, embedded.username(), embedded.password());

            String url = external.jdbcUrl("notification");

            assertThat(url).endsWith("/notification?ApplicationName=remote-work");
            assertThat(query(url, external, "select current_setting('application_name')")).isEqualTo("remote-work");
            external.close();
            assertThat(query(url, external, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void refusesDatabaseNamesThatAreNotPlainIdentifiers() {
        PostgresServer external = PostgresServer.external("jdbc:postgresql://127.0.0.1:1", "u", "p");

        assertThatThrownBy(() -> external.jdbcUrl("x; drop database postgres")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String query(String url, PostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, server.username(), server.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(String url, PostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, server.username(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
