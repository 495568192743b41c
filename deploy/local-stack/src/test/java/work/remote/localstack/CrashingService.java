package work.remote.localstack;

/** Stands in for a service that cannot start. */
public final class CrashingService {

    private CrashingService() {
    }

    public static void main(String[] args) {
        System.out.println("boom: the database refused the connection");
        System.exit(3);
    }
}
