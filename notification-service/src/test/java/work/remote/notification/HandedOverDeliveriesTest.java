package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

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
 * The sending side under a burst, against the real Slack stand-in and database: deliveries planned straight into the
 * database (as the planner does, without the consumer in front of it) to three unlimited channels, claimed in batches
 * and sent by concurrent senders, arrive once each. The poll for due deliveries is off (an hour apart): what the
 * planner hands over goes out without it. How fast is the benchmark's business (deploy/bench), not this test's.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
@TestProfile(HandedOverDeliveriesTest.WithoutPolling.class)
class HandedOverDeliveriesTest {

    public static class WithoutPolling implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.delivery.poll-interval", "1h");
        }
    }

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
    void aBurstOfFifteenHundredHandedOverDeliveriesGoesOutOnceEachWithoutAPoll() {
        Channels channels = unlimitedChannels("burst", 3);
        int messages = 500;
        Instant start = Instant.now();
        for (int m = 0; m < messages; m++) {
            plan(channels.names(), "burst " + m + " " + start);
        }
        int expected = messages * channels.names().size();
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(50))
                .until(() -> callsTo(channels).size() >= expected);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> callsTo(channels).size() == expected);
        assertEachArrivedOnceOnEachChannel(callsTo(channels), channels, messages);
    }
}
