package work.remote.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import work.remote.devinfra.SlackSink;
import work.remote.platform.CloudEventRecords;
import work.remote.events.ticket.LaunchStatusPosted;

/**
 * notification-service's fan-out: events published to the broker as ticket-service would, each matching three
 * Slack targets: the launch's CS channel and a benchmark channel on the local stack's sink (both answer 200), and a
 * channel on a sink of its own that answers {@code 429 Retry-After: 1} to one request in ten. These channels run
 * without a rate limit. Prints deliveries per second and the event-to-delivery latency (publish to the sink's
 * 200). Then a burst to one channel limited to 1 message/s with bursts of 3: it must arrive at that rate, complete.
 */
public final class NotificationFanOutBenchmark {

    private static final Pattern MESSAGE = Pattern.compile("bench-message-(\\d+)-of-([0-9a-f]{8})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Properties stack;
    private final NotificationApi api;
    private final KafkaProducer<String, String> producer;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private NotificationFanOutBenchmark(Properties stack) {
        this.stack = stack;
        this.api = new NotificationApi(stack);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.getProperty("kafka.bootstrap"),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Stack.options(args);
        int count = Integer.parseInt(options.getOrDefault("fanout-count", "1000"));
        int rate = Integer.parseInt(options.getOrDefault("fanout-rate", "50"));
        int burst = Integer.parseInt(options.getOrDefault("burst-count", "30"));
        NotificationFanOutBenchmark benchmark = new NotificationFanOutBenchmark(Stack.load(options));
        try (SlackSink rateLimiting = SlackSink.start(0)) {
            boolean complete = benchmark.fanOut(count, rate, rateLimiting) & benchmark.burst(burst, 1.0, 3);
            if (!complete) {
                System.exit(1);
            }
        } finally {
            benchmark.producer.close();
        }
    }

    /** A 200 from a sink: which message reached which webhook path when. */
    private record Receipt(String path, int message, long receivedAtMicros) {
    }

    private boolean fanOut(int count, int rate, SlackSink rateLimiting) throws Exception {
        UUID launch = UUID.randomUUID();
        String csChannel = "#bench-cs-" + run;
        String okChannel = "#bench-ok-" + run;
        String limitingChannel = "#bench-429-" + run;
        String csPath = "/services/bench/" + run + "/cs";
        String okPath = "/services/bench/" + run + "/ok";
        String limitingPath = "/services/bench/" + run + "/429";
        for (int request = 0; request < count * 2; request++) {
            if (request % 10 == 9) {
                rateLimiting.respondNext(429, Map.of("Retry-After", "1"), "rate_limited");
            } else {
                rateLimiting.respondNext(200, Map.of(), "ok");
            }
        }
        List<String> created = new ArrayList<>();
        Map<String, Object> unlimited = Map.of("unlimited", true);
        created.add("/channels/" + api.registerChannel(csChannel, stack.getProperty("slack.sink.url") + csPath, unlimited));
        created.add("/channels/" + api.registerChannel(okChannel, stack.getProperty("slack.sink.url") + okPath, unlimited));
        created.add("/channels/" + api.registerChannel(limitingChannel, rateLimiting.baseUrl() + limitingPath, unlimited));
        created.add("/routes/" + api.createRoute(Map.of("name", "bench-fan-out-" + run,
                "eventType", "work.remote.ticket.LaunchStatusPosted", "launchId", launch.toString(),
                "targets", List.of(Map.of("kind", "SLACK_CHANNEL", "value", okChannel),
                        Map.of("kind", "SLACK_CHANNEL", "value", limitingChannel)))));
        try {
            System.out.printf("Fan-out: %d events at %d/s, each to %s (200), %s (200) and %s (429 for 1 in 10)%n",
                    count, rate, csChannel, okChannel, limitingChannel);
            long[] publishedAtMicros = publish(launch, csChannel, count, rate);
            List<Receipt> receipts = awaitReceipts(List.of(csPath, okPath, limitingPath), rateLimiting, 3 * count,
                    Duration.ofSeconds(count / rate + 120));
            return report(count, publishedAtMicros, receipts, launch,
                    Map.of(csPath, "CS channel (200)", okPath, "benchmark channel (200)",
                            limitingPath, "429 for 1 in 10, Retry-After 1 s"));
        } finally {
            Collections.reverse(created);
            for (String path : created) {
                api.delete(path);
            }
        }
    }

    private boolean burst(int count, double perSecond, int burstSize) throws Exception {
        UUID launch = UUID.randomUUID();
        String channel = "#bench-limited-" + run;
        String path = "/services/bench/" + run + "/limited";
        String id = api.registerChannel(channel, stack.getProperty("slack.sink.url") + path,
                Map.of("ratePerSecond", perSecond, "burst", burstSize));
        try {
            System.out.printf("%nBurst: %d events at once to %s, limited to %.1f message/s with bursts of %d%n",
                    count, channel, perSecond, burstSize);
            publish(launch, channel, count, 1_000);
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
            System.out.printf("after the burst: %.2f messages/s%n",
                    span == 0 ? Double.NaN : (receipts.size() - burstSize) / span);
            return distinct == count && receipts.size() == count;
        } finally {
            api.delete("/channels/" + id);
        }
    }

    /** Publishes status posts of {@code launch} at {@code rate}; answers when each was handed to the producer. */
    private long[] publish(UUID launch, String csChannel, int count, int rate) throws Exception {
        long[] publishedAtMicros = new long[count];
        long intervalNanos = 1_000_000_000L / rate;
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
            TimeUnit.SECONDS.sleep(1);
            receipts = receipts(paths, ownSink);
        }
        return receipts;
    }

    /** Every 200 a sink answered on {@code paths} for a message of this run. */
    private List<Receipt> receipts(List<String> paths, SlackSink ownSink) throws IOException, InterruptedException {
        List<Receipt> receipts = new ArrayList<>();
        HttpResponse<String> listing = http.send(HttpRequest.newBuilder(
                URI.create(stack.getProperty("slack.sink.url") + "/calls")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode call : JSON.readTree(listing.body())) {
            receipt(paths, call.path("path").asText(), call.path("status").asInt(), call.path("body").toString(),
                    call.path("receivedAtEpochMicros").asLong(), receipts);
        }
        if (ownSink != null) {
            for (SlackSink.SlackCall call : ownSink.calls()) {
                receipt(paths, call.path(), call.status(), call.body(), call.receivedAtEpochMicros(), receipts);
            }
        }
        return receipts;
    }

    private void receipt(List<String> paths, String path, int status, String body, long receivedAtMicros,
            List<Receipt> receipts) {
        Matcher message = MESSAGE.matcher(body);
        if (status == 200 && paths.contains(path) && message.find() && message.group(2).equals(run)) {
            receipts.add(new Receipt(path, Integer.parseInt(message.group(1)), receivedAtMicros));
        }
    }

    private boolean report(int count, long[] publishedAtMicros, List<Receipt> receipts, UUID launch,
            Map<String, String> labels) throws IOException {
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

        System.out.println();
        System.out.printf("Fan-out, %d events x 3 targets on %d cores: %d deliveries in %.1f s = %.1f deliveries/s%n",
                count, Runtime.getRuntime().availableProcessors(), receipts.size(), seconds, receipts.size() / seconds);
        System.out.println(Latencies.header());
        System.out.println(new Latencies(all.stream().mapToLong(Long::longValue).toArray())
                .row("event published -> Slack 200, all targets"));
        labels.forEach((path, label) -> System.out.println(new Latencies(latenciesByPath
                .getOrDefault(path, List.of()).stream().mapToLong(Long::longValue).toArray()).row(label)));
        System.out.printf("duplicates: %d; the delivery log: %d DELIVERED, %d DEAD, %d PENDING%n",
                receipts.size() - distinct, api.deliveries(launch.toString(), "DELIVERED"),
                api.deliveries(launch.toString(), "DEAD"), api.deliveries(launch.toString(), "PENDING"));
        return distinct == 3L * count && receipts.size() == distinct;
    }
}
