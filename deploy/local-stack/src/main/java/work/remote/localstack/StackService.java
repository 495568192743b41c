package work.remote.localstack;

/**
 * One of the four services: its module directory, its database, its HTTP port and the port of its management
 * interface (health and metrics, {@code quarkus.management.port}; the production build serves them there only).
 */
record StackService(String name, String database, int port, int managementPort) {

    String url() {
        return "http://localhost:" + port;
    }

    String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    /** The same service on other ports, on the same database and broker. */
    StackService replicaOn(int otherPort, int otherManagementPort) {
        return new StackService(name, database, otherPort, otherManagementPort);
    }
}
