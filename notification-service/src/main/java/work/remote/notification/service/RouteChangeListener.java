package work.remote.notification.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

import work.remote.platform.DrainLoop;

/**
 * Hears every committed change to the routes, whoever made it (the API of any replica, a migration, an operator's SQL):
 * the trigger that moves the routes' revision on also notifies {@value #CHANNEL}, and PostgreSQL delivers that to every
 * listening session when the change commits. While it listens, {@link EnabledRoutes} drops its copy on each change
 * instead of reading the revision before each batch of events; while it does not (starting, or its connection lost),
 * EnabledRoutes reads the revision per batch as before. It holds one connection of the pool for as long as it listens.
 */
@ApplicationScoped
public class RouteChangeListener {

    static final String CHANNEL = "route_revision";
    static final String APPLICATION_NAME = "notification-route-listener";
    private static final Logger LOG = Logger.getLogger(RouteChangeListener.class);
    /** How long one wait for a notification lasts before the connection is checked to be alive. */
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final AgroalDataSource dataSource;
    private final EnabledRoutes routes;
    private final DrainLoop listener = new DrainLoop("route-change-listener", this::listenUntilCut);
    /** Whether it said it stopped hearing changes, and has not heard them again since. */
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile boolean stopping;

    public RouteChangeListener(AgroalDataSource dataSource, EnabledRoutes routes) {
        this.dataSource = dataSource;
        this.routes = routes;
    }

    void onStart(@Observes StartupEvent startup) {
        listener.nudge();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        listener.close();
    }

    /**
     * Listens until stopped or the connection fails, then asks to run again after {@link #RETRY}; says once that it
     * stopped hearing changes, and once that it hears them again.
     */
    private Optional<Duration> listenUntilCut() {
        try {
            listen();
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            routes.hearsChanges(false);
            if (stopping) {
                return Optional.empty();
            }
            if (warned.compareAndSet(false, true)) {
                LOG.warnf("Not hearing route changes (each batch of events reads the routes' revision until then),"
                        + " trying again every %d s: %s", RETRY.toSeconds(), e.getMessage());
            }
            return Optional.of(RETRY);
        }
    }

    /** Listens until stopped or the connection fails; a stopping service's pool closes the connection itself. */
    private void listen() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
                statement.execute("LISTEN " + CHANNEL);
            }
            PGConnection notifications = connection.unwrap(PGConnection.class);
            routes.hearsChanges(true);
            if (warned.getAndSet(false)) {
                LOG.info("Hearing route changes again");
            }
            while (!stopping) {
                PGNotification[] heard = notifications.getNotifications((int) WAIT.toMillis());
                if (heard != null && heard.length > 0) {
                    routes.invalidate();
                } else if (!connection.isValid((int) WAIT.toSeconds())) {
                    throw new SQLException("the listening connection stopped answering");
                }
            }
        } finally {
            routes.hearsChanges(false);
            if (!stopping) {
                giveBack(connection);
            }
        }
    }

    /** Back to the pool as any other connection; one the database dropped, the pool discards. */
    private static void giveBack(Connection connection) {
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *; RESET application_name");
        } catch (SQLException e) {
            LOG.debugf("The listening connection goes back to the pool as it is: %s", e.getMessage());
        }
    }
}
