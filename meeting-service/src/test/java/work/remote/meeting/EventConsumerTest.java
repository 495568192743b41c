package work.remote.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.TestProducer;
import work.remote.platform.CloudEventRecords;
import work.remote.events.DomainEvent;
import work.remote.events.EventType;
import work.remote.events.meeting.Invitee;
import work.remote.events.meeting.MeetingKind;
import work.remote.events.meeting.MeetingScheduled;
import work.remote.events.meeting.MeetingSubject;
import work.remote.events.process.Participant;
import work.remote.events.process.ProcessPublished;
import work.remote.events.process.ProcessRetired;
import work.remote.events.process.ProcessReviewRequested;
import work.remote.events.ticket.Impact;
import work.remote.events.ticket.LaunchClosed;
import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketOpened;
import work.remote.events.ticket.TicketType;

/** Events of other services on the real broker plan meetings, once each however often they are delivered. */
@QuarkusTest
@WithTestResource(RemoteWorkTestResource.class)
class EventConsumerTest {

    static TestProducer producer;
    static final MeetingTopic topic = MeetingTopic.shared();

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void connect() {
        producer = TestProducer.of(RemoteWorkTestResource.kafka().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    static void send(String ceId, DomainEvent event) {
        send(CloudEventRecords.of(ceId, event, Instant.now()));
    }

    static void send(ProducerRecord<String, String> record) {
        producer.send(record);
    }

    static List<Map<String, Object>> meetingsAbout(UUID subjectId) {
        return MeetingApi.get("ops", "/meetings?size=200&subjectId=" + subjectId).statusCode(200)
                .extract().jsonPath().getList("items");
    }

    static ProcessReviewRequested reviewRequest(UUID processId, List<Participant> participants) {
        return reviewRequest(processId, participants, false);
    }

    static ProcessReviewRequested reviewRequest(UUID processId, List<Participant> participants,
            boolean mixSmallGroups) {
        return new ProcessReviewRequested(processId, "launch-" + processId, "Feature launch with CS", "pia-product",
                participants, Instant.parse("2026-11-25T10:20:00Z"), "http://localhost:8081/processes/" + processId,
                mixSmallGroups ? Boolean.TRUE : null);
    }

    static List<Participant> participants(String group, int count, String supervisor) {
        List<Participant> participants = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            participants.add(new Participant(group + "-" + i, group, supervisor));
        }
        return participants;
    }

    @Test
    void processReviewRequestedIsHandledOnceWhenRedelivered() {
        UUID process = Subjects.process();
        List<Participant> participants = new ArrayList<>();
        participants.addAll(participants("rd", 7, "rd-lead"));
        participants.addAll(participants("cs", 5, "cs-lead"));
        participants.addAll(participants("ops", 2, "ops-lead"));
        String ceId = UUID.randomUUID().toString();
        send(ceId, reviewRequest(process, participants));
        send(ceId, reviewRequest(process, participants));
        UUID marker = Subjects.process();
        send(UUID.randomUUID().toString(), reviewRequest(marker, participants("cs", 1, "cs-lead")));

        await().atMost(Duration.ofSeconds(30)).until(() -> meetingsAbout(marker).size() == 1);
        List<Map<String, Object>> sessions = meetingsAbout(process);
        assertThat(sessions).as("one function group per session: rd in two, cs, ops").hasSize(4);
        assertThat(sessions).allSatisfy(session -> {
            assertThat(session.get("kind")).isEqualTo("DISCUSSION");
            assertThat(session.get("host")).isEqualTo("pia-product");
            assertThat((Integer) session.get("participants")).isLessThanOrEqualTo(6);
            assertThat(session.get("materialLink")).isEqualTo("http://localhost:8081/processes/" + process);
            assertThat((String) session.get("startsAt")).isEqualTo(
                    Instant.parse((String) sessions.get(0).get("startsAt"))
                            .plus(Duration.ofMinutes(60L * ((Integer) session.get("sessionNumber") - 1))).toString());
        });
        assertThat(sessions.get(0).get("startsAt")).as("two days later, on the hour").isEqualTo("2026-11-27T11:00:00Z");

        String first = (String) sessions.get(0).get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> topic.events(first, MeetingScheduled.class).size() == 1);
        MeetingScheduled scheduled = topic.events(first, MeetingScheduled.class).get(0);
        assertThat(scheduled.subject().id()).isEqualTo(process);
        assertThat(scheduled.sessionCount()).isEqualTo(4);
        assertThat(scheduled.timeZone()).isEqualTo("UTC");
        assertThat(scheduled.agenda().stream().mapToInt(item -> item.minutes()).sum()).isEqualTo(45);
    }

    @Test
    void aReviewRequestThatMixesSmallGroupsLetsThemShareASession() {
        UUID process = Subjects.process();
        List<Participant> participants = new ArrayList<>();
        participants.addAll(participants("rd", 7, "rd-lead"));
        participants.addAll(participants("cs", 5, "cs-lead"));
        participants.addAll(participants("ops", 2, "ops-lead"));
        send(UUID.randomUUID().toString(), reviewRequest(process, participants, true));

        await().atMost(Duration.ofSeconds(30)).until(() -> meetingsAbout(process).size() == 3);
        List<Map<String, Object>> sessions = meetingsAbout(process);
        assertThat(sessions).extracting(session -> session.get("mixSmallGroups")).containsOnly(true);
        assertThat(sessions).extracting(session -> session.get("focus"))
                .containsExactlyInAnyOrder("rd", "rd + ops", "cs");
    }

    @Test
    void launchClosedIsHandledOnceWhenRedelivered() {
        UUID launch = UUID.randomUUID();
        LaunchClosed closed = new LaunchClosed(launch, "Margin trading", "pia-product", "carl-cs-lead",
                List.of("agent-a", "agent-b", "agent-c"), Instant.parse("2026-11-20T08:00:00Z"),
                Instant.parse("2026-11-25T16:30:00Z"), "pia-product", 12, 2, 0, 1,
                "http://localhost:8083/launches/" + launch);
        String ceId = UUID.randomUUID().toString();
        send(ceId, closed);
        send(ceId, closed);
        UUID marker = UUID.randomUUID();
        send(UUID.randomUUID().toString(), new LaunchClosed(marker, "Marker", "pia-product", "carl-cs-lead",
                List.of(), closed.startedAt(), closed.closedAt(), "pia-product", 0, 0, 0, 0, closed.link()));

        await().atMost(Duration.ofSeconds(30)).until(() -> meetingsAbout(marker).size() == 1);
        List<Map<String, Object>> reviews = meetingsAbout(launch);
        assertThat(reviews).hasSize(1);
        Map<String, Object> review = reviews.get(0);
        assertThat(review.get("kind")).isEqualTo(MeetingKind.RETROSPECTIVE.name());
        assertThat(review.get("host")).isEqualTo("pia-product");
        String id = (String) review.get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> topic.events(id, MeetingScheduled.class).size() == 1);
        assertThat(topic.events(id, MeetingScheduled.class).get(0).invitees()).containsExactly(
                new Invitee("carl-cs-lead", "CS", "pia-product"), new Invitee("agent-a", "CS", "carl-cs-lead"),
                new Invitee("agent-b", "CS", "carl-cs-lead"), new Invitee("agent-c", "CS", "carl-cs-lead"));
        MeetingApi.get("cs-agent", "/meetings/" + id + "/review").statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("PENDING"));
    }

    @Test
    void theSubjectReadModelFollowsProcessAndLaunchEvents() {
        UUID process = UUID.randomUUID();
        Subjects.publish(Subjects.drafted(process, "Refund handling", "olga-owner"));
        KnownSubject drafted = Subjects.awaitSubject(process, known -> known != null);
        assertThat(drafted.kind).isEqualTo(MeetingSubject.Kind.PROCESS);
        assertThat(drafted.title).isEqualTo("Refund handling");
        assertThat(drafted.owner).isEqualTo("olga-owner");
        assertThat(drafted.retired).isFalse();

        String link = "http://localhost:8081/processes/" + process;
        Subjects.publish(new ProcessPublished(process, "refunds", 1, "Refund handling with CS", "rolf-owner",
                List.of(), "First version", "rolf-owner", Instant.now(), link));
        KnownSubject published = Subjects.awaitSubject(process, known -> "rolf-owner".equals(known.owner));
        assertThat(published.title).isEqualTo("Refund handling with CS");
        MeetingApi.post("planner", "product", "/meetings", MeetingApi.discussion(process, 30,
                MeetingApi.people("CS", 2, "lead"))).statusCode(201);

        Subjects.publish(new ProcessRetired(process, "refunds", "Refund handling with CS", 1, "Replaced",
                "rolf-owner", Instant.now(), link));
        assertThat(Subjects.awaitSubject(process, known -> known.retired).owner).isEqualTo("rolf-owner");
        MeetingApi.post("planner", "product", "/meetings", MeetingApi.discussion(process, 30,
                MeetingApi.people("CS", 2, "lead"))).statusCode(400)
                .body("violations.field", contains("subject.id"))
                .body("violations[0].message", containsString("retired"));

        UUID launch = UUID.randomUUID();
        Subjects.publish(Subjects.planned(launch, "Card payouts", "pia-product"));
        KnownSubject planned = Subjects.awaitSubject(launch, known -> known != null);
        assertThat(planned.kind).isEqualTo(MeetingSubject.Kind.LAUNCH);
        assertThat(planned.title).isEqualTo("Card payouts");
        assertThat(planned.owner).isEqualTo("pia-product");
        MeetingApi.post("planner", "cs-lead", "/meetings", MeetingApi.meeting("TRAINING", "LAUNCH", launch, 60,
                MeetingApi.people("CS", 3, "lead"))).statusCode(201);

        send(UUID.randomUUID().toString(), new LaunchClosed(launch, "Card payouts to debit cards", "quinn-product",
                "carl-cs-lead", List.of("agent-a"), Instant.parse("2026-11-20T08:00:00Z"),
                Instant.parse("2026-11-25T16:30:00Z"), "quinn-product", 3, 0, 0, 0,
                "http://localhost:8083/launches/" + launch));
        KnownSubject closed = Subjects.awaitSubject(launch, known -> "quinn-product".equals(known.owner));
        assertThat(closed.title).isEqualTo("Card payouts to debit cards");
        assertThat(closed.retired).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> meetingsAbout(launch).size() == 2);
    }

    @Test
    void otherEventTypesAreAcknowledgedWithoutAnInboxRow() {
        UUID launch = UUID.randomUUID();
        String ceId = UUID.randomUUID().toString();
        send(ceId, new TicketOpened(UUID.randomUUID(), launch, null, "Question", TicketType.QUESTION, Severity.LOW,
                Impact.NONE, 0, "cs-1", Instant.now(), "http://localhost:8083/tickets/x"));
        String plannedId = UUID.randomUUID().toString();
        send(plannedId, Subjects.planned(launch, "Card payouts", "pia-product"));

        // the launch's events share its key, hence a partition: once the second is handled, the first was read
        Subjects.awaitSubject(launch, known -> known != null);
        assertThat(inboxHas(plannedId)).isTrue();
        assertThat(inboxHas(ceId)).as("a ticket event changes nothing here, so the inbox keeps no row of it").isFalse();
        assertThat(meetingsAbout(launch)).isEmpty();
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        UUID marker = Subjects.process();
        String key = UUID.randomUUID().toString();
        try (RecordingConsumer deadLetters = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(),
                "remote-work.meeting.dead-letter")) {
            send(new ProducerRecord<>(EventType.topicOf("process"), key, "{\"not\": \"a cloud event\"}"));
            send(UUID.randomUUID().toString(), reviewRequest(marker, participants("cs", 2, "cs-lead")));

            await().atMost(Duration.ofSeconds(30)).until(() -> meetingsAbout(marker).size() == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.withKey(key).size() == 1);
        }
    }

    private boolean inboxHas(String ceId) {
        Number count = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager
                .createNativeQuery("select count(*) from inbox_event where consumer = 'meeting-service' and ce_id = ?1")
                .setParameter(1, ceId).getSingleResult());
        return count.intValue() == 1;
    }
}
