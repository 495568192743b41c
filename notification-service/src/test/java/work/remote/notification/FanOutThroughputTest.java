package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.SlackSink;
import work.remote.events.notification.Channel;
import work.remote.platform.AfterCommit;
import work.remote.notification.service.DeliveryScheduler;

/**
 * A measurement of the sending side, against the real Slack stand-in and database: deliveries planned straight into
 * the database (as the planner does, without the consumer in front of it) to three unlimited channels, as a burst for
 * throughput and at a steady 150 a second for each channel's latency. The bounds are generous, so that a busy machine
 * passes; the figures are logged. The poll for due deliveries is off (an hour apart): what the planner hands over
 * goes out without it.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
@TestProfile(FanOutThroughputTest.WithoutPolling.class)
class FanOutThroughputTest {

    public static class WithoutPolling implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.delivery.poll-interval", "1h");
        }
    }

    private static final Logger LOG = Logger.getLogger(FanOutThroughputTest.class);

    @Inject
    DeliveryScheduler scheduler;

    @Inject
    AfterCommit afterCommit;

    @Inject
    Clock clock;

    record Channels(List<String> names, List<String> webhooks) {
    }

    static Channels unlimitedChannels(String prefix, int count) {
        List<String> names = new ArrayList<>();
        List<String> webhooks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = Api.uniqueChannel(prefix);
            String webhook = "T0/" + prefix + "/" + UUID.randomUUID();
            Api.registerChannel(name, webhook, Map.of("unlimited", true));
            names.add(name);
            webhooks.add(webhook);
        }
        return new Channels(names, webhooks);
    }

    /** Plans one delivery of message {@code marker} to each channel, in one transaction, as the planner would. */
    void plan(List<String> channels, String marker) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            Delivery.Source source = new Delivery.Source(UUID.randomUUID().toString(), "work.remote.bench.FanOut",
                    marker, null, null, null);
            for (String channel : channels) {
                Delivery.pending(source, new PlannedTarget(Channel.SLACK, channel, "fan-out"),
                        new RenderedMessage("Fan-out", "{\"text\":\"" + marker + "\"}", null, null), now).persist();
            }
            afterCommit.run(() -> scheduler.planned(source.ceId()));
        });
    }

    static List<SlackSink.SlackCall> callsTo(Channels channels) {
        return RemoteWorkTestResource.slack().calls().stream()
                .filter(call -> channels.webhooks().stream().anyMatch(webhook -> call.path().equals("/services/" + webhook)))
                .toList();
    }

    static void assertEachArrivedOnceOnEachChannel(List<SlackSink.SlackCall> calls, Channels channels, int messages) {
        Map<String, Long> perPathAndBody = calls.stream()
                .collect(Collectors.groupingBy(call -> call.path() + " " + call.body(), Collectors.counting()));
        assertThat(perPathAndBody).hasSize(messages * channels.webhooks().size());
        assertThat(perPathAndBody.values()).allMatch(count -> count == 1);
    }

    @Test
    void aBurstOfFifteenHundredDeliveriesToThreeChannelsGoesOutOnceEach() {
        Channels channels = unlimitedChannels("burst", 3);
        int messages = 500;
        Instant start = Instant.now();
        for (int m = 0; m < messages; m++) {
            plan(channels.names(), "burst " + m + " " + start);
        }
        Instant planned = Instant.now();
        int expected = messages * channels.names().size();
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(50))
                .until(() -> callsTo(channels).size() >= expected);
        List<SlackSink.SlackCall> calls = callsTo(channels);
        Instant last = calls.stream().map(SlackSink.SlackCall::receivedAt).max(Comparator.naturalOrder()).orElseThrow();
        double seconds = Duration.between(start, last).toNanos() / 1e9;
        LOG.infof("MEASURE fan-out burst: %d deliveries to %d channels in %.2f s (planning took %d ms): %.0f "
                + "deliveries/s", expected, channels.names().size(), seconds,
                Duration.between(start, planned).toMillis(), expected / seconds);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> callsTo(channels).size() == expected);
        assertEachArrivedOnceOnEachChannel(callsTo(channels), channels, messages);
        // generous: five helpers share two cores while this runs; the figure logged is what counts
        assertThat(expected / seconds).isGreaterThan(5);
    }

    @Test
    void atOneHundredFiftyDeliveriesASecondEachChannelAnswersQuickly() throws InterruptedException {
        Channels channels = unlimitedChannels("steady", 3);
        int rounds = 60;
        Map<String, Instant> plannedAt = new ConcurrentHashMap<>();
        AtomicInteger round = new AtomicInteger();
        String run = UUID.randomUUID().toString();
        ScheduledExecutorService offer = Executors.newSingleThreadScheduledExecutor();
        try {
            // every 100 ms, 5 messages to each of the 3 channels: 150 deliveries a second for 6 s
            offer.scheduleAtFixedRate(() -> {
                int current = round.getAndIncrement();
                if (current >= rounds) {
                    return;
                }
                for (int m = 0; m < 5; m++) {
                    String marker = "steady " + current + "-" + m + " " + run;
                    plannedAt.put(marker, Instant.now());
                    plan(channels.names(), marker);
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            int expected = rounds * 5 * channels.names().size();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> callsTo(channels).size() >= expected);
        } finally {
            offer.shutdownNow();
            offer.awaitTermination(5, TimeUnit.SECONDS);
        }
        List<SlackSink.SlackCall> calls = callsTo(channels);
        assertEachArrivedOnceOnEachChannel(calls, channels, rounds * 5);
        Function<SlackSink.SlackCall, String> marker = call -> call.body().substring("{\"text\":\"".length(),
                call.body().length() - 2);
        Map<String, List<Long>> latencies = calls.stream().collect(Collectors.groupingBy(SlackSink.SlackCall::path,
                Collectors.mapping(call -> Duration.between(plannedAt.get(marker.apply(call)), call.receivedAt())
                        .toMillis(), Collectors.toList())));
        latencies.forEach((path, millis) -> {
            List<Long> sorted = millis.stream().sorted().toList();
            LOG.infof("MEASURE fan-out at 150/s, channel %s: p50 %d ms, p99 %d ms, max %d ms (%d deliveries)",
                    path.substring(path.lastIndexOf('/') + 1, path.lastIndexOf('/') + 9),
                    sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                    sorted.get(sorted.size() - 1), sorted.size());
            assertThat(sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1)).isLessThan(120_000);
        });
    }
}
