package work.remote.notification.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import work.remote.notification.Route;

/**
 * The enabled routes, with their parsed patterns, held in memory so that routing an event reads no database. Every
 * change to the routes moves their revision on in the changing transaction (a trigger on {@code route} and
 * {@code route_target}); {@link #refreshIfChanged} compares it with the revision of the copy held here, one read of
 * one row, and reloads on a difference, whichever replica made the change. A change through this replica's API also
 * drops the copy once it committed ({@link #invalidate}).
 */
@ApplicationScoped
public class EnabledRoutes {

    private static final Logger LOG = Logger.getLogger(EnabledRoutes.class);

    private final EntityManager entityManager;
    /** The routes as of a revision; null until first loaded and after a change here. */
    private volatile Snapshot snapshot;

    private record Snapshot(long revision, List<Route> routes) {
    }

    @Inject
    public EnabledRoutes(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The enabled routes in name order, as last loaded; loaded now if they were not. */
    public List<Route> current() {
        Snapshot known = snapshot;
        return known != null ? known.routes() : load().routes();
    }

    /**
     * Reloads the routes when they changed since they were loaded. When the database cannot say, the routes held
     * stay in use: the events they are used for wait for that database anyway.
     */
    public void refreshIfChanged() {
        Snapshot known = snapshot;
        try {
            if (known == null || QuarkusTransaction.joiningExisting().call(this::revision) != known.revision()) {
                load();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Cannot tell whether the routes changed; those of revision %s stay in use: %s",
                    known == null ? "none" : known.revision(), e.getMessage());
        }
    }

    /** Drops the routes held, after a change to them committed. */
    synchronized void invalidate() {
        snapshot = null;
    }

    /** Synchronized with {@link #invalidate}, so that a load that read the routes before a change cannot outlive it. */
    private synchronized Snapshot load() {
        Snapshot loaded = QuarkusTransaction.joiningExisting().call(() -> {
            long revision = revision();
            return new Snapshot(revision, List.copyOf(Route.enabledRoutes()));
        });
        snapshot = loaded;
        LOG.debugf("Loaded %d enabled route(s) of revision %d", loaded.routes().size(), loaded.revision());
        return loaded;
    }

    private long revision() {
        return ((Number) entityManager.createNativeQuery("select revision from route_revision").getSingleResult())
                .longValue();
    }
}
