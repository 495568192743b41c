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
 * {@code route_target}), which also notifies the {@link RouteChangeListener} of every replica when it commits: the
 * listener drops the copy held here ({@link #invalidate}), and the next event loads the routes again. While no listener
 * hears the changes, {@link #refreshIfChanged} compares the revision with that of the copy before each batch, one read
 * of one row, and reloads on a difference. A change through this replica's API also drops the copy once it committed.
 */
@ApplicationScoped
public class EnabledRoutes {

    private static final Logger LOG = Logger.getLogger(EnabledRoutes.class);

    private final EntityManager entityManager;
    /** The routes as of a revision; null until first loaded and after a change. */
    private volatile Snapshot snapshot;
    /** Whether the {@link RouteChangeListener} hears every change now, so that no batch need read the revision. */
    private volatile boolean hearingChanges;

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
        if (known != null && hearingChanges) {
            return;
        }
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

    /**
     * Whether every change is heard from now on, or no longer. Either way the copy held is dropped: a change committed
     * before the listener started to listen was announced to nobody.
     */
    void hearsChanges(boolean hearing) {
        hearingChanges = hearing;
        invalidate();
    }

    /** Whether the routes held are kept current by the {@link RouteChangeListener} rather than by a read per batch. */
    public boolean hearsChanges() {
        return hearingChanges;
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
