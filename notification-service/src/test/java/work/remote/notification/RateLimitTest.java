package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.SlackSink;
import work.remote.notification.service.ChannelRateLimiter;
import work.remote.notification.config.NotificationConfig;
import work.remote.notification.service.DeliveryAttempts;
import work.remote.notification.service.DeliveryMetrics;
import work.remote.notification.service.DeliveryAttempt;
import work.remote.notification.service.DeliveryScheduler;
import work.remote.notification.service.EmailSender;
import work.remote.notification.service.SlackSender;
import work.remote.notification.service.SlackThreads;
import work.remote.notification.service.SlackUsers;
import work.remote.notification.service.CriticalIssueEscalation;
import work.remote.platform.links.Links;
import work.remote.platform.outbox.Outbox;

/**
 * A Slack channel gets no more than its rate: over the limit, messages queue in the database and none is dropped,
 * not even when the service stops half-way and starts again.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class RateLimitTest {

    @Inject
    DeliveryScheduler scheduler;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    @Inject
    Outbox outbox;

    @Inject
    Links links;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    CriticalIssueEscalation escalation;

    @Inject
    SlackSender slack;

    @Inject
    EmailSender email;

    /** Another replica's sending machinery, with nothing in memory shared with this one: only the database. */
    DeliveryScheduler anotherReplica() {
        ChannelRateLimiter limiter = new ChannelRateLimiter(entityManager);
        DeliveryAttempts attempts = new DeliveryAttempts(entityManager, clock, config, limiter, outbox, links, metrics,
                escalation, new SlackThreads(entityManager, config, new SlackUsers(config)));
        return new DeliveryScheduler(attempts, new DeliveryAttempt(slack, email), metrics, config);
    }

    /** Sends {@code count} status posts to {@code channel} and answers their messages, in order. */
    static List<String> burst(String channel, int count) {
        UUID launch = UUID.randomUUID();
        List<String> messages = IntStream.range(0, count)
                .mapToObj(i -> "Burst message " + i + " of " + launch).toList();
        messages.forEach(message -> TestEvents.send(TestEvents.statusPost(launch, channel, message)));
        return messages;
    }

    static void assertEachArrivedOnce(List<SlackSink.SlackCall> calls, List<String> messages) {
        assertThat(messages).allSatisfy(message ->
                assertThat(calls).filteredOn(call -> call.body().contains(message + "\"")).hasSize(1));
    }

    @Test
    void aBurstToARateLimitedChannelArrivesAtItsRateAndNoneIsDropped() {
        String channel = Api.uniqueChannel("rate");
        String webhook = "T0/rate/" + UUID.randomUUID();
        Api.registerChannel(channel, webhook, Map.of("ratePerSecond", 4, "burst", 2));

        List<String> messages = burst(channel, 16);

        await().atMost(Duration.ofSeconds(30)).until(() -> Api.callsTo(webhook).size() >= 16);
        List<SlackSink.SlackCall> calls = Api.callsTo(webhook);
        assertEachArrivedOnce(calls, messages);
        // 2 at once, then 14 at 4 a second: 3.5 s, less what the latency of the first sends hides
        assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(15).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(3_000));
        assertThat(Duration.between(calls.get(7).receivedAt(), calls.get(15).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_800));
    }

    @Test
    void twoReplicasTogetherSendNoFasterThanTheChannelsLimit() {
        String channel = Api.uniqueChannel("replicas");
        String webhook = "T0/replicas/" + UUID.randomUUID();
        Api.registerChannel(channel, webhook, Map.of("ratePerSecond", 2, "burst", 1));
        DeliveryScheduler secondReplica = anotherReplica();
        secondReplica.start();
        List<String> messages = burst(channel, 10);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                secondReplica.nudge();
                return Api.callsTo(webhook).size() >= 10;
            });
        } finally {
            secondReplica.stop();
        }
        List<SlackSink.SlackCall> calls = Api.callsTo(webhook);
        assertThat(calls).hasSize(10);
        assertEachArrivedOnce(calls, messages);
        // 1 at once, then 9 at 2 a second: 4.5 s; each replica with a bucket of its own would take half as long
        assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(9).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(4_000));
        for (int i = 0; i + 2 < calls.size(); i++) {
            assertThat(Duration.between(calls.get(i).receivedAt(), calls.get(i + 2).receivedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(800));
        }
    }

    @Test
    void aRateLimitedChannelHoldsUpNoOtherChannel() {
        String slow = Api.uniqueChannel("slow");
        String slowWebhook = "T0/slow/" + UUID.randomUUID();
        String slowId = Api.registerChannel(slow, slowWebhook, Map.of("ratePerSecond", 1, "burst", 1));
        String fast = Api.uniqueChannel("fast");
        String fastWebhook = "T0/fast/" + UUID.randomUUID();
        Api.registerChannel(fast, fastWebhook, Map.of("unlimited", true));

        burst(slow, 30);
        List<String> fastMessages = burst(fast, 5);

        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> Api.callsTo(fastWebhook).size() == 5);
            assertEachArrivedOnce(Api.callsTo(fastWebhook), fastMessages);
            assertThat(Api.callsTo(slowWebhook).size()).isLessThan(15);
        } finally {
            Api.as("ops").when().delete("/channels/" + slowId).then().statusCode(204);
        }
    }

    /**
     * A webhook that takes every call and answers none until {@link #close()}, as a channel that hangs does; it
     * notes when each call came.
     */
    static final class HangingWebhook implements AutoCloseable {

        private final HttpServer server;
        private final CountDownLatch released = new CountDownLatch(1);
        private final Queue<Instant> calls = new ConcurrentLinkedQueue<>();

        HangingWebhook() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                calls.add(Instant.now());
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T0/hanging";
        }

        int calls() {
            return calls.size();
        }

        /** The calls that came within {@code window} of the first: none of them can have been given up yet. */
        long callsWithin(Duration window) {
            Instant first = calls.stream().min(Instant::compareTo).orElseThrow();
            return calls.stream().filter(call -> call.isBefore(first.plus(window))).count();
        }

        @Override
        public void close() {
            released.countDown();
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    @Test
    void aChannelThatHangsHoldsUpNoOtherChannel() throws IOException {
        String fast = Api.uniqueChannel("fast");
        String fastWebhook = "T0/fast/" + UUID.randomUUID();
        Api.registerChannel(fast, fastWebhook, Map.of("unlimited", true));
        String hanging = Api.uniqueChannel("hanging");
        try (HangingWebhook webhook = new HangingWebhook()) {
            String hangingId = Api.as("ops").body(Map.of("name", hanging, "webhookUrl", webhook.url(),
                    "unlimited", true)).when().post("/channels").then().statusCode(201).extract().path("id");
            try {
                burst(hanging, 60);
                await().atMost(Duration.ofSeconds(10)).until(() -> webhook.calls() > 0);
                List<String> fastMessages = burst(fast, 40);

                await().atMost(Duration.ofSeconds(10)).until(() -> Api.callsTo(fastWebhook).size() == 40);
                assertEachArrivedOnce(Api.callsTo(fastWebhook), fastMessages);
                // the hanging channel holds no more senders at once than one target may have (until the first
                // call times out, every call it got is still held)
                assertThat(webhook.callsWithin(config.slack().timeout()))
                        .isLessThanOrEqualTo(config.delivery().perTargetConcurrency());
            } finally {
                Api.as("ops").when().delete("/channels/" + hangingId).then().statusCode(204);
            }
        }
    }

    @Test
    void aChannelAnsweringTooManyRequestsHoldsUpNoOtherChannel() {
        String throttled = Api.uniqueChannel("throttled");
        String throttledWebhook = "T0/throttled/" + UUID.randomUUID();
        Api.registerChannel(throttled, throttledWebhook, Map.of("unlimited", true));
        String fast = Api.uniqueChannel("fast");
        String fastWebhook = "T0/fast/" + UUID.randomUUID();
        Api.registerChannel(fast, fastWebhook, Map.of("unlimited", true));
        RemoteWorkTestResource.slack().respondNext(429, Map.of("Retry-After", "30"), "rate_limited");
        burst(throttled, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.callsTo(throttledWebhook).size() == 1);
        burst(throttled, 20);
        List<String> fastMessages = burst(fast, 20);

        await().atMost(Duration.ofSeconds(10)).until(() -> Api.callsTo(fastWebhook).size() == 20);
        assertEachArrivedOnce(Api.callsTo(fastWebhook), fastMessages);
        // paused for its Retry-After: nothing more went to it meanwhile
        assertThat(Api.callsTo(throttledWebhook)).hasSize(1);
        assertThat(Api.callsTo(throttledWebhook).get(0).status()).isEqualTo(429);
    }

    @Test
    void deliveriesSurviveAStopMidWayNothingLostNothingDoubled() {
        String channel = Api.uniqueChannel("restart");
        String webhook = "T0/restart/" + UUID.randomUUID();
        Api.registerChannel(channel, webhook, Map.of("ratePerSecond", 4, "burst", 1));
        List<String> messages = burst(channel, 12);
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.callsTo(webhook).size() >= 3);

        scheduler.stop();
        try {
            int sentBeforeTheStop = Api.callsTo(webhook).size();
            assertThat(sentBeforeTheStop).isLessThan(12);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> Api.callsTo(webhook).size() == sentBeforeTheStop);
            Api.as("ops").queryParam("target", channel).queryParam("state", "PENDING").when().get("/deliveries")
                    .then().statusCode(200)
                    .body("total", equalTo(12 - sentBeforeTheStop));
        } finally {
            scheduler.start();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> Api.callsTo(webhook).size() >= 12);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> Api.callsTo(webhook).size() == 12);
        assertEachArrivedOnce(Api.callsTo(webhook), messages);
        Api.as("ops").queryParam("target", channel).queryParam("state", "DELIVERED").when().get("/deliveries")
                .then().body("total", equalTo(12));
    }

    @Test
    void aSlackRateLimitPausesARateLimitedChannelForRetryAfter() {
        String channel = Api.uniqueChannel("paused");
        String webhook = "T0/paused/" + UUID.randomUUID();
        Api.registerChannel(channel, webhook, Map.of("ratePerSecond", 50, "burst", 10));
        RemoteWorkTestResource.slack().respondNext(429, Map.of("Retry-After", "2"), "rate_limited");
        List<String> first = burst(channel, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.callsTo(webhook).size() == 1);
        List<String> next = burst(channel, 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> Api.callsTo(webhook).size() == 5);
        List<SlackSink.SlackCall> calls = Api.callsTo(webhook);
        assertThat(calls.get(0).status()).isEqualTo(429);
        assertThat(calls.subList(1, 5)).allSatisfy(call -> assertThat(Duration.between(calls.get(0).receivedAt(),
                call.receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(1_900)));
        assertEachArrivedOnce(calls.subList(1, 5), Stream.concat(first.stream(), next.stream()).toList());
    }
}
