package work.remote.localstack;

/** One of the four services: its module directory, its database and its HTTP port. */
record StackService(String name, String database, int port) {

    String url() {
        return "http://localhost:" + port;
    }

    /** The same service on another port, on the same database and broker. */
    StackService replicaOn(int otherPort) {
        return new StackService(name, database, otherPort);
    }
}
