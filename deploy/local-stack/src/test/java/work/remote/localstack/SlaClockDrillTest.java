package work.remote.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import work.remote.devinfra.RecordingConsumer;

/**
 * The SLA clock's exactly-once promise, drilled with real processes: two ticket-service instances on one
 * database, a critical ticket whose clock runs in seconds, and the instance that took the report killed with
 * SIGKILL and restarted between {@code SlaAtRisk} and {@code SlaBreached}.
 */
class SlaClockDrillTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path home;

    static LocalStack stack;
    static Properties running;
    static RecordingConsumer ticketEvents;

    @BeforeAll
    static void startTwoTicketServices() throws IOException {
        stack = new LocalStack(Path.of("../.."), home, Map.of(), LocalStackTest.freePorts());
        stack.onlyServices("ticket-service");
        stack.configure("ticket-service", "ticket.seed-example", "false");
        stack.configure("ticket-service", "ticket.sla.critical-resolve-within", "PT40S");
        stack.configure("ticket-service", "ticket.sla.at-risk-after", "PT10S");
        stack.configure("ticket-service", "ticket.sla.check-interval", "1s");
        stack.start();
        stack.startReplica("ticket-service", LocalStackTest.free(), LocalStackTest.free());
        running = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("stack.properties"))) {
            running.load(in);
        }
        ticketEvents = RecordingConsumer.of(running.getProperty("kafka.bootstrap"), "remote-work.ticket.events");
    }

    @AfterAll
    static void stopIt() {
        if (ticketEvents != null) {
            ticketEvents.close();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void atRiskAndBreachedAreAnnouncedOnceAcrossACrashAndTwoReplicas() throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                URI.create(running.getProperty("ticket.url") + "/tickets"))
                .header("Authorization", "Bearer " + running.getProperty("token.cs-agent"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title": "Trading blocked for user 7", "type": "BUG", "impact": "TRADING_BLOCKED",
                         "affectedUsers": 1}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String id = new ObjectMapper().readTree(created.body()).path("id").asText();

        await().atMost(Duration.ofSeconds(40)).until(() -> slaAnnouncements(id).contains("SlaAtRisk"));
        stack.crashAndRestart("ticket-service");
        await().atMost(Duration.ofSeconds(60)).until(() -> slaAnnouncements(id).contains("SlaBreached"));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                .until(() -> slaAnnouncements(id).size() == 2);

        assertThat(slaAnnouncements(id)).containsExactly("SlaAtRisk", "SlaBreached");
    }

    /**
     * The SLA events of a ticket, one per {@code ce_id}: a crash between the broker's acknowledgement and the outbox
     * row's commit publishes the same event again, which consumers drop by its {@code ce_id}; a second announcement
     * would be a second {@code ce_id}.
     */
    private static List<String> slaAnnouncements(String ticketId) {
        Set<String> ceIds = new HashSet<>();
        return ticketEvents.withKey(ticketId).stream()
                .filter(record -> ceIds.add(header(record, "ce_id")))
                .map(record -> header(record, "ce_type"))
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .filter(type -> type.startsWith("Sla"))
                .toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

}
