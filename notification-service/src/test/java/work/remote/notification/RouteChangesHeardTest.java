package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.notification.service.EnabledRoutes;

/**
 * A route changed anywhere (here by SQL, as an operator or a migration would, without this replica's API) reaches
 * this replica's routes when it commits, without a read of the revision per batch of events; when the listening
 * connection is cut, each batch reads the revision again until the listener is back.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class RouteChangesHeardTest {

    @Inject
    EnabledRoutes routes;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRouteAddedOutsideThisReplicaIsInItsRoutesOnceCommittedWithNoBatchAsking() throws SQLException {
        await().atMost(Duration.ofSeconds(10)).until(routes::hearsChanges);
        routes.refreshIfChanged();
        String name = "heard-" + UUID.randomUUID();
        assertThat(routeNames()).doesNotContain(name);

        UUID id = insertRoute(name);
        try {
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> routeNames().contains(name));
        } finally {
            deleteRoute(id);
        }
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> !routeNames().contains(name));
    }

    @Test
    void cutOffTheListenerLeavesEachBatchReadingTheRevisionUntilItListensAgain() throws SQLException {
        await().atMost(Duration.ofSeconds(10)).until(routes::hearsChanges);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                    + "notification-route-listener'");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !routes.hearsChanges());
        routes.refreshIfChanged();
        String name = "unheard-" + UUID.randomUUID();
        UUID id = insertRoute(name);
        try {
            routes.refreshIfChanged();
            assertThat(routeNames()).contains(name);
        } finally {
            deleteRoute(id);
        }
        await().atMost(Duration.ofSeconds(15)).until(routes::hearsChanges);
    }

    private List<String> routeNames() {
        return routes.current().stream().map(route -> route.name).toList();
    }

    private UUID insertRoute(String name) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement route = connection.prepareStatement("""
                        insert into route (id, name, event_type, enabled, version, created_at, updated_at)
                        values (?, ?, 'work.remote.ticket.TicketResolved', true, 0, now(), now())""");
                PreparedStatement target = connection.prepareStatement("""
                        insert into route_target (route_id, position, kind, value)
                        values (?, 0, 'EMAIL', 'heard@remote.work')""")) {
            connection.setAutoCommit(false);
            route.setObject(1, id);
            route.setString(2, name);
            route.executeUpdate();
            target.setObject(1, id);
            target.executeUpdate();
            connection.commit();
        }
        return id;
    }

    private void deleteRoute(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from route where id = ?")) {
            delete.setObject(1, id);
            delete.executeUpdate();
        }
    }
}
