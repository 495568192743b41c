package work.remote.bench;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import work.remote.devinfra.SlackSink;
import work.remote.events.ticket.LaunchStatusPosted;
import work.remote.platform.CloudEventRecords;

/**
 * notification-service's fan-out: events published to the broker as ticket-service would, each matching three
 * Slack targets without a rate limit. First at a steady rate: the launch's CS channel and a benchmark channel on the
 * local stack's sink (both answer 200), and a channel on a sink of its own that answers {@code 429 Retry-After: 1} to
 * one request in ten; prints deliveries per second and the event-to-delivery latency (publish to the sink's 200).
 * Then saturated: events published as fast as the producer goes to three channels answering 200, for the most
 * deliveries per second the service sustains. Then a burst to one channel limited to 1 message/s with bursts of 3:
 * it must arrive at that rate, complete. Webhooks name the sink by the host notification-service allows
 * ({@code notification.slack.allowed-internal-hosts}, as the stack configured it).
 */
final class NotificationFanOutBenchmark implements AutoCloseable {

    /** What the fan-out runs measured, and how many messages of all three never arrived or arrived twice. */
    record Result(double offeredPerSecond, double pacedPerSecond, Latencies answering200, double saturatedPerSecond,
            long missing, long duplicates) {
    }

    /** The deliveries of one run: per-second rate over the run, per-target latencies, missing, duplicates. */
    private record Run(double deliveriesPerSecond, Map<String, Latencies> latenciesByPath, long missing,
            long duplicates) {
    }

    /** A 200 from a sink: which message reached which webhook path when. */
    private record Receipt(String path, int message, long receivedAtMicros) {
    }

    private static final Pattern MESSAGE = Pattern.compile("bench-message-(\\d+)-of-([0-9a-f]{8})");

    private final NotificationApi api;
    private final String webhookBase;
    private final SinkCalls stackSink;
    private final KafkaProducer<String, String> producer;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<Receipt> received = new ArrayList<>();
    private int ownSinkSeen;

    NotificationFanOutBenchmark(Properties stack, ServiceProcess notificationService) {
        this.api = new NotificationApi(stack);
        this.stackSink = new SinkCalls(stack.getProperty("slack.sink.url"));
        String allowedHost = notificationService.requiredProperty("notification.slack.allowed-internal-hosts")
                .split(",")[0].trim();
        this.webhookBase = "http://" + allowedHost + ":" + URI.create(stack.getProperty("slack.sink.url")).getPort();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.getProperty("kafka.bootstrap"),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
    }

    @Override
    public void close() {
        producer.close();
    }

    Result measure(int count, int rate, int saturatedCount, int burst) throws Exception {
        stackSink.poll();
        try (SlackSink rateLimiting = SlackSink.start(0)) {
            for (int request = 0; request < count * 2; request++) {
                if (request % 10 == 9) {
                    rateLimiting.respondNext(429, Map.of("Retry-After", "1"), "rate_limited");
                } else {
                    rateLimiting.respondNext(200, Map.of(), "ok");
                }
            }
            System.out.printf("Fan-out: %d events at %d/s, each to a CS channel (200), a benchmark channel (200) and a "
                    + "channel answering 429 (Retry-After 1 s) to 1 in 10%n", count, rate);
            Run paced = fanOut("paced", count, rate, rateLimiting.baseUrl(), rateLimiting);
            System.out.printf("%nFan-out, saturated: %d events published at once, each to three channels answering 200%n",
                    saturatedCount);
            Run saturated = fanOut("saturated", saturatedCount, 0, webhookBase, null);
            Run limited = burst(burst, 1.0, 3);
            return new Result(3.0 * rate, paced.deliveriesPerSecond(), paced.latenciesByPath().get(path("paced", "ok")),
                    saturated.deliveriesPerSecond(), paced.missing() + saturated.missing() + limited.missing(),
                    paced.duplicates() + saturated.duplicates() + limited.duplicates());
        }
    }

    private String path(String phase, String target) {
        return "/services/bench/" + run + "/" + phase + "/" + target;
    }

    /** {@code rate} 0 publishes as fast as the producer goes; the third target is on {@code thirdBase}. */
    private Run fanOut(String phase, int count, int rate, String thirdBase, SlackSink ownSink) throws Exception {
        UUID launch = UUID.randomUUID();
        String csChannel = "#bench-" + phase + "-cs-" + run;
        String okChannel = "#bench-" + phase + "-ok-" + run;
        String thirdChannel = "#bench-" + phase + "-third-" + run;
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(path(phase, "cs"), "CS channel (200)");
        labels.put(path(phase, "ok"), "benchmark channel (200)");
        labels.put(path(phase, "third"), ownSink != null ? "429 for 1 in 10, Retry-After 1 s" : "third channel (200)");
        List<String> created = new ArrayList<>();
        Map<String, Object> unlimited = Map.of("unlimited", true);
        created.add("/channels/" + api.registerChannel(csChannel, webhookBase + path(phase, "cs"), unlimited));
        created.add("/channels/" + api.registerChannel(okChannel, webhookBase + path(phase, "ok"), unlimited));
        created.add("/channels/" + api.registerChannel(thirdChannel, thirdBase + path(phase, "third"), unlimited));
        created.add("/routes/" + api.createRoute(Map.of("name", "bench-fan-out-" + phase + "-" + run,
                "eventType", "work.remote.ticket.LaunchStatusPosted", "launchId", launch.toString(),
                "targets", List.of(Map.of("kind", "SLACK_CHANNEL", "value", okChannel),
                        Map.of("kind", "SLACK_CHANNEL", "value", thirdChannel)))));
        try {
            long[] publishedAtMicros = publish(launch, csChannel, count, rate);
            List<Receipt> receipts = awaitReceipts(List.copyOf(labels.keySet()), ownSink, 3 * count,
                    Duration.ofSeconds(count / Math.max(rate, 50) + 120));
            return report(count, publishedAtMicros, receipts, launch, labels);
        } finally {
            Collections.reverse(created);
            for (String resource : created) {
                api.delete(resource);
            }
        }
    }

    private Run burst(int count, double perSecond, int burstSize) throws Exception {
        UUID launch = UUID.randomUUID();
        String channel = "#bench-limited-" + run;
        String path = path("burst", "limited");
        String id = api.registerChannel(channel, webhookBase + path, Map.of("ratePerSecond", perSecond, "burst", burstSize));
        try {
            System.out.printf("%nBurst: %d events at once to %s, limited to %.1f message/s with bursts of %d%n",
                    count, channel, perSecond, burstSize);
            publish(launch, channel, count, 0);
            double expectedSeconds = (count - burstSize) / perSecond;
            List<Receipt> receipts = awaitReceipts(List.of(path), null, count,
                    Duration.ofSeconds((long) expectedSeconds + 60));
            List<Long> arrivals = receipts.stream().map(Receipt::receivedAtMicros).sorted().toList();
            long distinct = receipts.stream().map(Receipt::message).distinct().count();
            double span = arrivals.isEmpty() ? 0 : (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e6;
            int busiestSecond = IntStream.range(0, arrivals.size())
                    .map(i -> (int) arrivals.stream().filter(at -> at >= arrivals.get(i) && at < arrivals.get(i) + 1_000_000)
                            .count())
                    .max().orElse(0);
            System.out.printf("arrived: %d of %d (%d distinct, %d duplicates), first to last %.1f s "
                    + "(at %.1f/s after the burst of %d the lower bound is %.1f s), most in any one second: %d%n",
                    receipts.size(), count, distinct, receipts.size() - distinct, span, perSecond, burstSize,
                    expectedSeconds - (burstSize - 1) / perSecond, busiestSecond);
            double afterTheBurst = span == 0 ? Double.NaN : (receipts.size() - burstSize) / span;
            System.out.printf("after the burst: %.2f messages/s%n%n", afterTheBurst);
            return new Run(afterTheBurst, Map.of(), count - distinct, receipts.size() - distinct);
        } finally {
            api.delete("/channels/" + id);
        }
    }

    /**
     * Publishes status posts of {@code launch} at {@code rate} (0: as fast as the producer takes them); answers when
     * each was handed to the producer.
     */
    private long[] publish(UUID launch, String csChannel, int count, int rate) throws Exception {
        long[] publishedAtMicros = new long[count];
        long intervalNanos = rate == 0 ? 0 : 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            while (System.nanoTime() < due) {
                TimeUnit.NANOSECONDS.sleep(Math.min(due - System.nanoTime(), 1_000_000));
            }
            LaunchStatusPosted event = new LaunchStatusPosted(launch, "Benchmark feature " + run,
                    LaunchStatusPosted.Phase.DEPLOYING, "bench-message-" + i + "-of-" + run, List.of(), csChannel,
                    "deploy-bench", Instant.now(), "http://localhost:8083/launches/" + launch);
            publishedAtMicros[i] = Latencies.epochMicros();
            producer.send(CloudEventRecords.of(UUID.randomUUID().toString(), event, Instant.now()));
        }
        producer.flush();
        return publishedAtMicros;
    }

    private List<Receipt> awaitReceipts(List<String> paths, SlackSink ownSink, int expected, Duration wait)
            throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Receipt> receipts = receipts(paths, ownSink);
        while (receipts.size() < expected && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(250);
            receipts = receipts(paths, ownSink);
        }
        return receipts;
    }

    /** Every 200 a sink answered on {@code paths} for a message of this run, reading only calls not read before. */
    private List<Receipt> receipts(List<String> paths, SlackSink ownSink) throws Exception {
        for (SinkCalls.Call call : stackSink.poll()) {
            receive(call.path(), call.status(), call.body(), call.receivedAtMicros());
        }
        if (ownSink != null) {
            List<SlackSink.SlackCall> calls = ownSink.calls();
            for (SlackSink.SlackCall call : calls.subList(ownSinkSeen, calls.size())) {
                receive(call.path(), call.status(), call.body(), call.receivedAtEpochMicros());
            }
            ownSinkSeen = calls.size();
        }
        return received.stream().filter(receipt -> paths.contains(receipt.path())).toList();
    }

    private void receive(String path, int status, String body, long receivedAtMicros) {
        Matcher message = MESSAGE.matcher(body);
        if (status == 200 && message.find() && message.group(2).equals(run)) {
            received.add(new Receipt(path, Integer.parseInt(message.group(1)), receivedAtMicros));
        }
    }

    private Run report(int count, long[] publishedAtMicros, List<Receipt> receipts, UUID launch,
            Map<String, String> labels) throws Exception {
        Map<String, List<Long>> latenciesByPath = new HashMap<>();
        List<Long> all = new ArrayList<>();
        for (Receipt receipt : receipts) {
            long latency = receipt.receivedAtMicros() - publishedAtMicros[receipt.message()];
            latenciesByPath.computeIfAbsent(receipt.path(), path -> new ArrayList<>()).add(latency);
            all.add(latency);
        }
        long firstPublished = publishedAtMicros[0];
        long lastReceived = receipts.stream().mapToLong(Receipt::receivedAtMicros).max().orElse(firstPublished);
        double seconds = (lastReceived - firstPublished) / 1e6;
        long distinct = receipts.stream().map(receipt -> receipt.path() + " " + receipt.message()).distinct().count();

        System.out.printf("%d events x 3 targets on %d cores: %d deliveries in %.1f s = %.1f deliveries/s%n",
                count, Runtime.getRuntime().availableProcessors(), receipts.size(), seconds, receipts.size() / seconds);
        System.out.println(Latencies.header());
        System.out.println(new Latencies(all.stream().mapToLong(Long::longValue).toArray())
                .row("event published -> Slack 200, all targets"));
        Map<String, Latencies> byPath = new LinkedHashMap<>();
        labels.forEach((path, label) -> {
            Latencies latencies = new Latencies(latenciesByPath.getOrDefault(path, List.of()).stream()
                    .mapToLong(Long::longValue).toArray());
            byPath.put(path, latencies);
            System.out.println(latencies.row(label));
        });
        System.out.printf("duplicates: %d; the delivery log: %d DELIVERED, %d DEAD, %d PENDING%n",
                receipts.size() - distinct, api.deliveries(launch.toString(), "DELIVERED"),
                api.deliveries(launch.toString(), "DEAD"), api.deliveries(launch.toString(), "PENDING"));
        return new Run(receipts.size() / seconds, byPath, 3L * count - distinct, receipts.size() - distinct);
    }
}
