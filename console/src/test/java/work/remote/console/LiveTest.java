package work.remote.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.console.live.LiveEvents;
import work.remote.console.signin.SignedIn;
import work.remote.devinfra.DevInfra;
import work.remote.devinfra.TestProducer;

/** Server-Sent Events from the services' topics, and resuming a dropped connection from Last-Event-ID. */
@QuarkusTest
@WithTestResource(ConsoleTestResource.class)
class LiveTest {

    /** One event as a browser's EventSource sees it. */
    record Received(String id, String event, String data) {
    }

    @TestHTTPResource("/live")
    URL live;

    @Inject
    LiveEvents events;

    @Test
    void aCriticalIssueReportedForTheLaunchReachesItsPageWithinASecond() throws Exception {
        String launch = "0b7c5a52-9f8e-4d0b-8a55-4a6f8c3e0001";
        String token = SignInTest.signIn("paula", "product");
        try (Stream stream = Stream.open(live + "?about=" + launch, token, null);
                TestProducer producer = TestProducer.of(DevInfra.shared().kafka().bootstrapServers())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("remote-work.ticket.events", launch,
                    "{\"ticketId\":\"0b7c5a52-9f8e-4d0b-8a55-4a6f8c3e0002\",\"launchId\":\"" + launch
                            + "\",\"title\":\"Cannot withdraw\"}");
            record.headers().add("ce_type", "work.remote.ticket.CriticalIssueReported".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_subject", "0b7c5a52-9f8e-4d0b-8a55-4a6f8c3e0002".getBytes(StandardCharsets.UTF_8));
            // the console's consumer joins its group as the application starts: wait for it once, with an unrelated event
            awaitConsumerAssigned(producer);
            // the clock starts once the broker acknowledged the event: from then on it is on the topic
            producer.send(record);
            long sent = System.nanoTime();
            Received received = stream.next(Duration.ofSeconds(5));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            assertThat(received.event()).isEqualTo("changed");
            assertThat(received.data()).isEqualTo("Critical issue reported: Cannot withdraw");
            assertThat(millis).as("milliseconds from the topic to the page").isLessThan(1000);
        }
    }

    @Test
    void aMeetingScheduledAboutTheLaunchReachesItsPage() throws Exception {
        String launch = "0b7c5a52-9f8e-4d0b-8a55-4a6f8c3e0020";
        String meeting = "0b7c5a52-9f8e-4d0b-8a55-4a6f8c3e0021";
        String token = SignInTest.signIn("paula", "product");
        try (Stream stream = Stream.open(live + "?about=" + launch, token, null);
                TestProducer producer = TestProducer.of(DevInfra.shared().kafka().bootstrapServers())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("remote-work.meeting.events", meeting,
                    "{\"meetingId\":\"" + meeting + "\",\"kind\":\"TRAINING\",\"subject\":{\"kind\":\"LAUNCH\","
                            + "\"id\":\"" + launch + "\",\"title\":\"Instant withdrawals\"},"
                            + "\"title\":\"Instant withdrawals: training\"}");
            record.headers().add("ce_type", "work.remote.meeting.MeetingScheduled".getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_subject", meeting.getBytes(StandardCharsets.UTF_8));
            awaitConsumerAssigned(producer);
            producer.send(record);
            Received received = stream.next(Duration.ofSeconds(5));
            assertThat(received.data()).isEqualTo("Meeting scheduled: Instant withdrawals: training");
        }
    }

    @Test
    void aDroppedConnectionResumesFromLastEventIdWithNothingMissed() throws Exception {
        String launch = "0b7c5a52-9f8e-4d0b-8a55-4a6f8c3e0010";
        String token = SignInTest.signIn("paula", "product");
        String lastSeen;
        try (Stream stream = Stream.open(live + "?about=" + launch, token, null)) {
            events.publish("LaunchStatusPosted", Set.of(launch), "Launch status posted: first");
            lastSeen = stream.next(Duration.ofSeconds(5)).id();
        }
        events.publish("LaunchStatusPosted", Set.of(launch), "Launch status posted: second");
        events.publish("TicketOpened", Set.of("some-other-launch"), "Ticket opened: elsewhere");
        events.publish("RuleChanged", Set.of(launch), "Rule changed: third");
        try (Stream stream = Stream.open(live + "?about=" + launch, token, lastSeen)) {
            assertThat(stream.next(Duration.ofSeconds(5)).data()).isEqualTo("Launch status posted: second");
            assertThat(stream.next(Duration.ofSeconds(5)).data()).isEqualTo("Rule changed: third");
            events.publish("LaunchClosed", Set.of(launch), "Launch closed: fourth");
            assertThat(stream.next(Duration.ofSeconds(5)).data()).isEqualTo("Launch closed: fourth");
        }
    }

    @Test
    void anIdTheBufferNoLongerHoldsMakesThePageReadEverythingAnew() throws Exception {
        String token = SignInTest.signIn("paula", "product");
        try (Stream stream = Stream.open(live + "?about=x", token, "an-earlier-run-17")) {
            Received received = stream.next(Duration.ofSeconds(5));
            assertThat(received.event()).isEqualTo("changed");
            assertThat(received.data()).startsWith("Reconnected: the page was read anew");
            assertThat(received.id()).isEqualTo(events.lastId());
        }
    }

    private void awaitConsumerAssigned(TestProducer producer) throws Exception {
        String probe = "0b7c5a52-9f8e-4d0b-8a55-4a6f8c3effff";
        String token = SignInTest.signIn("paula", "product");
        try (Stream stream = Stream.open(live + "?about=" + probe, token, null)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                ProducerRecord<String, String> record = new ProducerRecord<>("remote-work.ticket.events", probe, "{}");
                record.headers().add("ce_type", "work.remote.ticket.TicketOpened".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
                if (stream.poll(Duration.ofMillis(500)) != null) {
                    return;
                }
            }
            throw new AssertionError("the console's consumer got no event within 60 s");
        }
    }

    /** An SSE connection read line by line on its own thread, as EventSource reads it. */
    static final class Stream implements AutoCloseable {

        private final InputStream body;
        private final BlockingQueue<Received> received = new ArrayBlockingQueue<>(100);

        private Stream(InputStream body) {
            this.body = body;
            Thread reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Stream open(String url, String token, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
                    .header("Cookie", SignedIn.COOKIE + "=" + token);
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            return new Stream(response.body());
        }

        Received next(Duration timeout) throws InterruptedException {
            Received event = poll(timeout);
            assertThat(event).as("an event within " + timeout).isNotNull();
            return event;
        }

        Received poll(Duration timeout) throws InterruptedException {
            return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void read() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                String event = null;
                List<String> data = new ArrayList<>();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            received.add(new Received(id, event, String.join("\n", data)));
                        }
                        id = null;
                        event = null;
                        data.clear();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    }
                }
            } catch (IOException closed) {
                // the test closed the connection
            }
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
