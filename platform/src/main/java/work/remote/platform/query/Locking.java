package work.remote.platform.query;

/** Lock hints shared by the queries that claim rows for one worker among several replicas. */
public final class Locking {

    /**
     * The {@code jakarta.persistence.lock.timeout} that makes a pessimistic lock skip rows another transaction holds
     * ({@code FOR UPDATE SKIP LOCKED}).
     */
    public static final int SKIP_LOCKED = org.hibernate.Timeouts.SKIP_LOCKED_MILLI;

    private Locking() {
    }
}
