package work.remote.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static work.remote.ticket.Launches.AGENTS;
import static work.remote.ticket.Launches.LEAD;
import static work.remote.ticket.Launches.PRODUCT;
import static work.remote.ticket.Launches.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.TestProducer;
import work.remote.platform.CloudEventRecords;
import work.remote.events.DomainEvent;
import work.remote.events.meeting.Invitee;
import work.remote.events.meeting.MeetingConcluded;
import work.remote.events.meeting.MeetingKind;
import work.remote.events.meeting.MeetingSubject;
import work.remote.events.meeting.RelayAcknowledged;
import work.remote.events.ticket.Gate;

/** Gate 4 from meeting-service's events on the real broker: training attendance, then relays to absentees. */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
class TrainingAttendanceTest {

    static TestProducer meetingService;
    static RecordingConsumer ticketEvents;

    @BeforeAll
    static void connect() {
        String bootstrap = RemoteWorkTestResource.kafka().bootstrapServers();
        meetingService = TestProducer.of(bootstrap);
        ticketEvents = RecordingConsumer.of(bootstrap, "remote-work.ticket.events");
    }

    @AfterAll
    static void disconnect() {
        meetingService.close();
        ticketEvents.close();
    }

    @Test
    void aTrainingMeetingAndItsRelaysPassGateFourOnceEvenWhenRedelivered() {
        String id = Launches.preparedExcept("Training from meetings", Gate.TRAINING_DELIVERED);
        UUID meetingId = UUID.randomUUID();
        MeetingConcluded training = training(id, meetingId, MeetingKind.TRAINING);
        String trainingCeId = UUID.randomUUID().toString();
        send(trainingCeId, training);
        send(trainingCeId, training);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(PRODUCT, "product").get("/launches/" + id)
                .then().body("gates[3].missing", contains(
                        AGENTS.get(1) + " missed the training and its relay has not been acknowledged")));

        RelayAcknowledged relay = new RelayAcknowledged(UUID.randomUUID(), meetingId, MeetingKind.TRAINING,
                training.subject(), training.title(), AGENTS.get(1), LEAD, "Walked Bo through the kit", Instant.now(),
                "http://localhost:8082/relays/1");
        String relayCeId = UUID.randomUUID().toString();
        send(relayCeId, relay);
        send(relayCeId, relay);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(PRODUCT, "product").get("/launches/" + id)
                .then().body("gates[3].passed", equalTo(true)).body("state", equalTo("READY")));
        as(PRODUCT, "product").get("/launches/" + id).then()
                .body("training.size()", equalTo(4))
                .body("training.find { it.outcome == 'RELAYED' }.recordedBy", equalTo(LEAD))
                .body("training.find { it.outcome == 'RELAYED' }.meetingId", equalTo(meetingId.toString()));
        as(PRODUCT, "product").get("/launches/" + id + "/audit").then()
                .body("items.findAll { it.action == 'TRAINING_HELD' }.size()", equalTo(1))
                .body("items.findAll { it.action == 'TRAINING_RELAYED' }.size()", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> gatePassedEvents(id, Gate.TRAINING_DELIVERED) == 1);
        send(UUID.randomUUID().toString(), relay);
        Launches.start(id).statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> ticketEvents.withKey(id).stream()
                .anyMatch(record -> type(record).endsWith("LaunchStarted")));
        assertThat(gatePassedEvents(id, Gate.TRAINING_DELIVERED)).isEqualTo(1);
    }

    @Test
    void aDiscussionAboutTheLaunchIsNotATraining() {
        String id = Launches.preparedExcept("Discussion is not training", Gate.TRAINING_DELIVERED);
        send(UUID.randomUUID().toString(), training(id, UUID.randomUUID(), MeetingKind.DISCUSSION));
        String marker = Launches.plan("Marker after the discussion");
        MeetingConcluded markerTraining = training(marker, UUID.randomUUID(), MeetingKind.TRAINING);
        send(UUID.randomUUID().toString(), markerTraining);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(PRODUCT, "product").get("/launches/" + marker)
                .then().body("training.size()", equalTo(3)));
        as(PRODUCT, "product").get("/launches/" + id).then().body("training.size()", equalTo(0));
    }

    private static MeetingConcluded training(String launchId, UUID meetingId, MeetingKind kind) {
        Instant startedAt = Instant.now().minus(Duration.ofMinutes(50));
        return new MeetingConcluded(meetingId, kind, MeetingSubject.launch(UUID.fromString(launchId), "Instant withdrawals"),
                "Training: instant withdrawals", PRODUCT, startedAt, startedAt.plus(Duration.ofMinutes(45)),
                List.of(new Invitee(LEAD, "CS", "carla"), new Invitee(AGENTS.get(0), "CS", LEAD)),
                List.of(new Invitee(AGENTS.get(1), "CS", LEAD)), List.of("Go live on Tuesday"), List.of(),
                "http://localhost:8082/meetings/" + meetingId);
    }

    private static void send(String ceId, DomainEvent event) {
        meetingService.send(CloudEventRecords.of(ceId, event, Instant.now()));
    }

    private static long gatePassedEvents(String launchId, Gate gate) {
        return ticketEvents.withKey(launchId).stream().filter(record -> type(record).endsWith("LaunchGatePassed"))
                .filter(record -> record.value().contains("\"gate\":\"" + gate + "\"")).count();
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
