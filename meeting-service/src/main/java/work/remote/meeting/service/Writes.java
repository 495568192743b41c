package work.remote.meeting.service;

import io.quarkus.hibernate.orm.panache.Panache;

/** Writing changes inside the service call rather than at commit. */
final class Writes {

    private Writes() {
    }

    /** Writes pending changes now, so that a concurrent update surfaces here as an optimistic-lock conflict (409). */
    static <T> T flushed(T entity) {
        Panache.getEntityManager().flush();
        return entity;
    }
}
