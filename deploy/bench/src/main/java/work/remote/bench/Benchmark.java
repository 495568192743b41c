package work.remote.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Set;

import work.remote.bench.Summary.Bound;

/**
 * The whole benchmark against the running local stack, one measure after the other, then one table with every figure
 * next to its floor, baseline or goal (issue 14): critical report to Slack against the Kafka floor; notification
 * fan-out paced and saturated; {@code POST /tickets} against the same inserts over plain JDBC; each service's RSS
 * after the load; one service restarted to ready. {@code --measures=critical,fanout,writes,rss,restart} picks some.
 */
public final class Benchmark {

    /** The services by their key in {@code stack.properties} ({@code <key>.url}) and their name in the stack. */
    private static final Map<String, String> SERVICES = Map.of("process", "process-service", "meeting",
            "meeting-service", "ticket", "ticket-service", "notification", "notification-service");
    private static final List<String> SERVICE_ORDER = List.of("process", "meeting", "ticket", "notification");

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Stack.options(args);
        Properties stack = Stack.load(options);
        Set<String> measures = Set.of(options.getOrDefault("measures", "critical,fanout,writes,rss,restart").split(","));
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        for (String key : SERVICE_ORDER) {
            services.put(key, ServiceProcess.require(SERVICES.get(key), stack.getProperty(key + ".url")));
        }
        Summary summary = new Summary();
        long lostOrDoubled = 0;

        if (measures.contains("critical")) {
            CriticalReportBenchmark.Result critical = new CriticalReportBenchmark(stack).measure(
                    integer(options, "rate", 20), integer(options, "count", 1000), integer(options, "warmup", 300),
                    integer(options, "warmup-rounds", 12));
            summary.add("critical report → Slack p99 at " + integer(options, "rate", 20) + "/s",
                    critical.endToEnd().percentileMillis(99), "ms", "Kafka floor p99", critical.floor().percentileMillis(99),
                    List.of(Bound.ratioAtMost(5)), List.of(Bound.ratioAtMost(3), Bound.atMost(30, "ms")));
            lostOrDoubled += critical.missing();
        }
        if (measures.contains("fanout")) {
            try (NotificationFanOutBenchmark fanOut = new NotificationFanOutBenchmark(stack, services.get("notification"))) {
                NotificationFanOutBenchmark.Result result = fanOut.measure(integer(options, "fanout-count", 1000),
                        integer(options, "fanout-rate", 50), integer(options, "fanout-saturated-count", 1000),
                        integer(options, "burst-count", 30));
                summary.add(String.format("fan-out at %.0f/s offered (%.0f/s delivered): a 200 channel p99",
                        result.offeredPerSecond(), result.pacedPerSecond()), result.answering200().percentileMillis(99),
                        "ms", "first bar", 100, List.of(Bound.atMost(100, "ms")), List.of(Bound.atMost(100, "ms")));
                summary.add("fan-out saturated: deliveries/s", result.saturatedPerSecond(), "/s", "goal", 1000,
                        List.of(Bound.atLeast(150, "/s")), List.of(Bound.atLeast(1000, "/s")));
                lostOrDoubled += result.missing() + result.duplicates();
            }
        }
        if (measures.contains("critical") || measures.contains("fanout")) {
            summary.add("Slack messages not arrived within the wait, or doubled", lostOrDoubled, "messages", "goal", 0,
                    List.of(Bound.atMost(0, "messages")), List.of(Bound.atMost(0, "messages")));
        }
        if (measures.contains("writes")) {
            int clients = integer(options, "write-clients", 16);
            Duration warmup = Duration.ofSeconds(integer(options, "write-warmup-seconds", 30));
            Duration duration = Duration.ofSeconds(integer(options, "write-seconds", 20));
            double tickets = WriteThroughput.measure(stack.getProperty("ticket.url"), stack.getProperty("token.cs-agent"),
                    clients, warmup, duration);
            double baseline = new JdbcBaseline(services.get("ticket")).measure(clients, warmup, duration);
            summary.add("POST /tickets (non-critical), " + clients + " connections, req/s", tickets, "/s",
                    "JDBC baseline", baseline, List.of(Bound.ratioAtLeast(0.25)), List.of(Bound.ratioAtLeast(0.5)));
        }
        if (measures.contains("rss")) {
            for (ServiceProcess service : services.values()) {
                summary.add("RSS after the load: " + service.name(), service.residentMegabytes(), "MB", "goal", 200,
                        List.of(Bound.atMost(300, "MB")), List.of(Bound.atMost(200, "MB")));
            }
        }
        if (measures.contains("restart")) {
            String name = options.getOrDefault("restart-service", "notification-service");
            ServiceProcess restarted = services.values().stream().filter(service -> service.name().equals(name))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no service " + name));
            OptionalDouble seconds = RestartToReady.measure(stack, restarted);
            summary.add(name + " restarted alone, to ready", seconds.orElse(Double.NaN), "s", "goal", 1.5,
                    List.of(Bound.atMost(4, "s")), List.of(Bound.atMost(1.5, "s")));
        }

        System.out.printf("Summary (issue 14 goals), %d cores:%n", Runtime.getRuntime().availableProcessors());
        System.out.print(summary.table());
        if (lostOrDoubled > 0) {
            System.exit(1);
        }
    }

    private static int integer(Map<String, String> options, String name, int otherwise) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : otherwise;
    }
}
