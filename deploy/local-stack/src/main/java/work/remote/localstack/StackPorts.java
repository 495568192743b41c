package work.remote.localstack;

import java.util.List;

/** Where everything of the stack listens on this machine. */
record StackPorts(int postgres, int kafka, int smtp, int sinks, int tokens, int control, int process, int meeting,
        int ticket, int notification, int console, Management management) {

    /** The ports the README documents; {@code tokens} is the dev token endpoint, {@code control} the {@link StackControl}. */
    static final StackPorts STANDARD = new StackPorts(15432, 9092, 2525, 8025, 8026, 8027, 8081, 8082, 8083, 8084,
            8085, new Management(9081, 9082, 9083, 9084, 9085));

    /** The management interfaces of the services and the console: health and metrics. */
    record Management(int process, int meeting, int ticket, int notification, int console) {
    }

    List<StackService> services() {
        return List.of(
                new StackService("process-service", "process", process, management.process()),
                new StackService("meeting-service", "meeting", meeting, management.meeting()),
                new StackService("ticket-service", "ticket", ticket, management.ticket()),
                new StackService("notification-service", "notification", notification, management.notification()));
    }
}
