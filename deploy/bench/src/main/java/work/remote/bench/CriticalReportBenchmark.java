package work.remote.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fires critical money reports at a steady rate against the running local stack and measures, per report, the
 * time from the {@code POST /tickets} response to the Slack sink receiving the message; then the same
 * percentiles for a raw Kafka round trip on the same broker, the floor under them.
 */
final class CriticalReportBenchmark {

    /** The reports' latencies, the floor's, and how many reports never reached the sink within the wait. */
    record Result(Latencies endToEnd, Latencies floor, int missing) {
    }

    private static final Pattern TICKET_LINK = Pattern.compile("/tickets/([0-9a-f-]{36})");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Warm-up rounds stop once a round's p50 and p99 are each within this factor of the round before it, either way. */
    private static final double SETTLED = 1.25;
    private static final int RESOLVERS = 8;
    private static final Duration QUIET = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Properties stack;
    private final SinkCalls sink;
    /** Every ticket the run opened: left open, each would escalate 15 minutes later and flood the next run. */
    private final Queue<String> opened = new ConcurrentLinkedQueue<>();

    CriticalReportBenchmark(Properties stack) {
        this.stack = stack;
        this.sink = new SinkCalls(stack.getProperty("slack.sink.url"));
    }

    /**
     * Warms the stack up in rounds of {@code warmup} reports at {@code rate} until the p99 settles (at most
     * {@code maxWarmupRounds}), then measures {@code count} reports. Six JVMs on two cores take a few thousand reports
     * before the JIT has compiled the whole path: a fixed short warm-up measures the compiler, not the pipeline.
     */
    Result measure(int rate, int count, int warmup, int maxWarmupRounds) throws Exception {
        // the product channel is limited to about one message a second, as Slack is; this measures the pipeline
        NotificationApi notifications = new NotificationApi(stack);
        Map<String, Object> productLimit = notifications.liftLimit(NotificationApi.PRODUCT_CHANNEL);
        Latencies endToEnd;
        try {
            awaitNoBacklog(notifications);
            sink.poll();
            warmUp(rate, warmup, maxWarmupRounds);
            System.out.printf("Measuring: %d critical reports at %d/s (POST /tickets response -> Slack sink)%n", count,
                    rate);
            endToEnd = reportToSlack(rate, count);
            resolveOpened();
            awaitNoBacklog(notifications);
        } finally {
            notifications.restoreLimit(NotificationApi.PRODUCT_CHANNEL, productLimit);
        }
        System.out.printf("Measuring: %d raw Kafka produce -> consume round trips at %d/s%n", count, rate);
        Latencies floor = KafkaRoundTrip.measure(stack.getProperty("kafka.bootstrap"), rate, count);

        System.out.println();
        System.out.printf("Critical report -> Slack, %d reports at %d/s on %d cores%n", count, rate,
                Runtime.getRuntime().availableProcessors());
        System.out.println(Latencies.header());
        System.out.println(endToEnd.row("POST /tickets response -> Slack sink"));
        System.out.println(floor.row("Kafka produce -> consume (floor)"));
        int missing = count - endToEnd.count();
        if (missing > 0) {
            System.out.printf("%d of %d messages did not reach the Slack sink within the wait%n", missing, count);
        }
        System.out.println();
        return new Result(endToEnd, floor, missing);
    }

    /**
     * Waits, the limit lifted, until nothing is queued for the product channel for {@link #QUIET} on end: messages
     * left by an earlier run (restored to its limit of about one a second) would go first and the measure would time
     * the queue, and the messages this run's resolutions cause are planned a moment after their commits.
     */
    private static void awaitNoBacklog(NotificationApi notifications) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        long quietSince = System.nanoTime();
        long reported = 0;
        while (System.nanoTime() - quietSince < QUIET.toNanos()) {
            long pending = notifications.pendingTo(NotificationApi.PRODUCT_CHANNEL);
            if (pending > 0) {
                quietSince = System.nanoTime();
                if (reported == 0) {
                    System.out.printf("Waiting for %d earlier deliveries to %s to be sent%n", pending,
                            NotificationApi.PRODUCT_CHANNEL);
                }
                reported = pending;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(reported + " earlier deliveries to " + NotificationApi.PRODUCT_CHANNEL
                        + " still wait after 5 minutes: the measure would time that queue");
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    /** Takes on and resolves every ticket the run opened, as a team would, so that none escalates later. */
    private void resolveOpened() throws Exception {
        System.out.printf("Resolving the %d tickets the run opened%n", opened.size());
        String token = stack.getProperty("token.cs-agent");
        ExecutorService resolvers = Executors.newFixedThreadPool(RESOLVERS);
        try {
            List<Future<?>> resolved = new ArrayList<>();
            for (String ticket : opened) {
                resolved.add(resolvers.submit(() -> {
                    post("/tickets/" + ticket + "/acknowledgement", token, "");
                    post("/tickets/" + ticket + "/transitions", token,
                            "{\"to\": \"RESOLVED\", \"note\": \"benchmark run over\"}");
                    return null;
                }));
            }
            for (Future<?> each : resolved) {
                each.get();
            }
        } finally {
            resolvers.shutdownNow();
        }
        opened.clear();
    }

    private void post(String path, String token, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.getProperty("ticket.url")
                + path)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private void warmUp(int rate, int perRound, int maxRounds) throws Exception {
        Latencies previous = null;
        for (int round = 1; round <= maxRounds; round++) {
            Latencies latencies = reportToSlack(rate, perRound);
            System.out.printf("Warm-up round %d: %d critical reports at %d/s, p50 %.1f ms, p99 %.1f ms%n", round,
                    perRound, rate, latencies.percentileMillis(50), latencies.percentileMillis(99));
            if (previous != null && latencies.count() == perRound && settled(previous, latencies, 50)
                    && settled(previous, latencies, 99)) {
                return;
            }
            previous = latencies;
        }
        System.out.printf("Warm-up: the p99 had not settled after %d rounds%n", maxRounds);
    }

    /**
     * Whether the {@code percentile} of a round is within {@link #SETTLED} of the round before, either way: the p99
     * alone settles while the median still falls (two slow rounds alike), and the measure would time the JIT.
     */
    private static boolean settled(Latencies before, Latencies now, int percentile) {
        double then = before.percentileMillis(percentile);
        double latest = now.percentileMillis(percentile);
        return latest <= then * SETTLED && latest >= then / SETTLED;
    }

    private Latencies reportToSlack(int rate, int count) throws Exception {
        URI tickets = URI.create(stack.getProperty("ticket.url") + "/tickets");
        String token = stack.getProperty("token.cs-agent");
        Map<String, Long> respondedAtMicros = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch responses = new CountDownLatch(count);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger fired = new AtomicInteger();
        pacer.scheduleAtFixedRate(() -> {
            int sequence = fired.getAndIncrement();
            if (sequence >= count) {
                pacer.shutdown();
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(tickets)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"title": "Benchmark: withdrawal blocked #%d", "type": "BUG", "impact": "WITHDRAWAL_BLOCKED",
                             "affectedUsers": 1, "description": "generated by deploy/bench"}""".formatted(sequence)))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                long now = Latencies.epochMicros();
                if (error == null && response.statusCode() == 201) {
                    String ticket = ticketId(response.body());
                    respondedAtMicros.put(ticket, now);
                    opened.add(ticket);
                } else {
                    failures.incrementAndGet();
                    System.err.println("POST /tickets failed: " + (error != null ? error : response.statusCode()));
                }
                responses.countDown();
            });
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        responses.await(count / rate + 60L, TimeUnit.SECONDS);
        pacer.shutdownNow();

        Map<String, Long> receivedAtMicros = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!receivedAtMicros.keySet().containsAll(respondedAtMicros.keySet()) && System.nanoTime() < deadline) {
            for (SinkCalls.Call call : sink.poll()) {
                Matcher link = TICKET_LINK.matcher(call.body());
                if (link.find()) {
                    receivedAtMicros.putIfAbsent(link.group(1), call.receivedAtMicros());
                }
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        long[] latencies = respondedAtMicros.entrySet().stream()
                .filter(entry -> receivedAtMicros.containsKey(entry.getKey()))
                .mapToLong(entry -> receivedAtMicros.get(entry.getKey()) - entry.getValue())
                .toArray();
        if (failures.get() > 0) {
            System.err.printf("%d POST /tickets requests failed%n", failures.get());
        }
        return new Latencies(latencies);
    }

    private static String ticketId(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable ticket response: " + body, e);
        }
    }
}
