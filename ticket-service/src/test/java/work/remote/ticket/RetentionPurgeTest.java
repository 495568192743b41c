package work.remote.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static work.remote.ticket.Launches.AGENTS;
import static work.remote.ticket.Launches.LEAD;
import static work.remote.ticket.Launches.PRODUCT;
import static work.remote.ticket.Launches.as;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.TestProducer;
import work.remote.events.DomainEvent;
import work.remote.events.meeting.Invitee;
import work.remote.events.meeting.MeetingConcluded;
import work.remote.events.meeting.MeetingKind;
import work.remote.events.meeting.MeetingSubject;
import work.remote.events.meeting.RelayAcknowledged;
import work.remote.platform.CloudEventRecords;
import work.remote.platform.retention.RetentionConfig;
import work.remote.platform.retention.RetentionPurge;
import work.remote.platform.testing.TestClock;
import work.remote.ticket.config.TicketConfig;

/** The platform's retention purge on this service's database: what it deletes, what it keeps, and that it counts once. */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
class RetentionPurgeTest {

    /** The name this service's event consumer records in the inbox. */
    private static final String CONSUMER = "ticket-service";

    static TestProducer meetingService;

    @Inject
    TestClock clock;

    @Inject
    RetentionPurge purge;

    @Inject
    RetentionConfig retention;

    @Inject
    TicketConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry meters;

    @BeforeAll
    static void connect() {
        meetingService = TestProducer.of(RemoteWorkTestResource.kafka().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        meetingService.close();
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void purgedInboxRowsAreOlderThanTheTopicRetention() {
        String launch = Launches.plan("Retention: a training the inbox remembers");
        UUID meetingId = UUID.randomUUID();
        MeetingConcluded training = training(launch, meetingId);
        String trainingCeId = UUID.randomUUID().toString();
        send(trainingCeId, training);
        await().atMost(Duration.ofSeconds(30)).until(() -> processedAt(trainingCeId).isPresent());
        assertTrainingAudited(launch, "TRAINING_HELD", 1);

        Duration pastTheTopicWithinTheInbox = retention.topic().plus(retention.inbox()).dividedBy(2);
        clock.freeze();
        clock.advance(pastTheTopicWithinTheInbox);
        purge.purge();
        assertThat(processedAt(trainingCeId)).as("remembered while the topic may still redeliver it").isPresent();

        send(trainingCeId, training);
        String relayCeId = UUID.randomUUID().toString();
        send(relayCeId, new RelayAcknowledged(UUID.randomUUID(), meetingId, MeetingKind.TRAINING, training.subject(),
                training.title(), AGENTS.get(1), LEAD, "Walked Bo through the kit", clock.instant(),
                "http://localhost:8082/relays/1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> processedAt(relayCeId).isPresent());
        assertTrainingAudited(launch, "TRAINING_RELAYED", 1);
        assertTrainingAudited(launch, "TRAINING_HELD", 1);

        clock.advance(retention.inbox().minus(pastTheTopicWithinTheInbox).plusSeconds(1));
        RetentionPurge.Purged purged = purge.purge();
        assertThat(purged.rows(RetentionPurge.INBOX)).isPositive();
        assertThat(processedAt(trainingCeId)).as("older than the inbox retention").isEmpty();
        assertThat(processedAt(relayCeId)).as("younger than the inbox retention").isPresent();
    }

    @Test
    void auditEntriesOlderThanTheRetentionArePurged() {
        String launch = Launches.plan("Retention: last year's launch");
        String ticket = TicketResourceTest.report("cs-agent",
                TicketResourceTest.ticket("Retention: last year's question", "QUESTION", "NONE", 1))
                .statusCode(201).extract().path("id");
        clock.freeze();
        clock.advance(config.retention().audit().minusDays(1));
        Launches.confirmFinalRound(launch).statusCode(200);
        TicketWorkflowTest.move(ticket, "TRIAGED", "cs-lead").statusCode(200);

        purge.purge();
        assertAudited(launch, containsInAnyOrder("PLANNED", "FINAL_ROUND_CONFIRMED", "GATE_PASSED"));
        assertTimeline(ticket, contains("REPORTED", "TRIAGED"));

        clock.advance(Duration.ofDays(2));
        RetentionPurge.Purged purged = purge.purge();

        assertThat(purged.rows("launch_change")).isPositive();
        assertThat(purged.rows("ticket_change")).isPositive();
        assertAudited(launch, containsInAnyOrder("FINAL_ROUND_CONFIRMED", "GATE_PASSED"));
        assertTimeline(ticket, contains("TRIAGED"));
        as(PRODUCT, "product").get("/launches/" + launch).then().statusCode(200)
                .body("gates.find { it.gate == 'FINAL_ROUND_CONFIRMED' }.passed", equalTo(true));
        as(PRODUCT, "product").get("/tickets/" + ticket).then().statusCode(200).body("state", equalTo("TRIAGED"));
    }

    @Test
    void twoPurgesRacingDeleteEachRowOnce() throws Exception {
        recordProcessedEvents("retention-race", 3 * retention.batchSize() + 7);
        clock.freeze();
        clock.advance(retention.inbox().plusDays(1));
        Instant inboxCutoff = clock.instant().minus(retention.inbox());
        Instant outboxCutoff = clock.instant().minus(retention.outbox());
        long oldInboxRows = count("select count(*) from inbox_event where processed_at < ?1", inboxCutoff);
        long oldOutboxRows = count("select count(*) from outbox_event where sent_at < ?1", outboxCutoff);
        double countedBefore = purgedCount("inbox_event");

        List<RetentionPurge.Purged> racers = race(2);

        assertThat(racers.stream().mapToLong(racer -> racer.rows(RetentionPurge.INBOX)).sum()).isEqualTo(oldInboxRows);
        assertThat(racers.stream().mapToLong(racer -> racer.rows(RetentionPurge.OUTBOX)).sum()).isEqualTo(oldOutboxRows);
        assertThat(count("select count(*) from inbox_event where processed_at < ?1", inboxCutoff)).isZero();
        assertThat(count("select count(*) from outbox_event where sent_at < ?1", outboxCutoff)).isZero();
        assertThat(purgedCount("inbox_event") - countedBefore).isEqualTo(oldInboxRows);
    }

    @Test
    void publishedOutboxRowsGoButParkedOnesStay() {
        Instant now = clock.instant();
        UUID published = outboxRow(now, null);
        UUID parked = outboxRow(null, now);
        clock.freeze();
        clock.advance(retention.outbox().plusDays(1));

        purge.purge();

        assertThat(count("select count(*) from outbox_event where id = ?1", published)).isZero();
        assertThat(count("select count(*) from outbox_event where id = ?1", parked)).isOne();
    }

    private List<RetentionPurge.Purged> race(int purges) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(purges);
        try {
            CountDownLatch ready = new CountDownLatch(purges);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RetentionPurge.Purged>> running = new ArrayList<>();
            for (int i = 0; i < purges; i++) {
                running.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return purge.purge();
                }));
            }
            ready.await();
            go.countDown();
            List<RetentionPurge.Purged> results = new ArrayList<>();
            for (Future<RetentionPurge.Purged> racer : running) {
                results.add(racer.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private void recordProcessedEvents(String consumer, int rows) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into inbox_event (consumer, ce_id, ce_type, processed_at)
                select ?1, gen_random_uuid()::text, 'work.remote.meeting.MeetingConcluded', ?2
                from generate_series(1, ?3)""")
                .setParameter(1, consumer)
                .setParameter(2, clock.instant())
                .setParameter(3, rows)
                .executeUpdate());
    }

    private UUID outboxRow(Instant sentAt, Instant parkedAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into outbox_event (id, topic, ordering_key, ce_type, ce_source, ce_subject, occurred_at,
                    payload, attempts, sent_at, parked_at)
                values (?1, 'remote-work.ticket.events', ?2, 'work.remote.ticket.TicketOpened', '/ticket-service', ?2,
                    ?3, '{}', 1, ?4, ?5)""")
                .setParameter(1, id)
                .setParameter(2, id.toString())
                .setParameter(3, clock.instant())
                .setParameter(4, sentAt)
                .setParameter(5, parkedAt)
                .executeUpdate());
        return id;
    }

    private Optional<Object> processedAt(String ceId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select processed_at from inbox_event where consumer = ?1 and ce_id = ?2")
                .setParameter(1, CONSUMER)
                .setParameter(2, ceId)
                .getResultStream().findFirst());
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter)
                .getSingleResult()).longValue());
    }

    private double purgedCount(String table) {
        return meters.get("remote_work.retention.purged").tag("table", table).counter().count();
    }

    private static void assertAudited(String launch, Matcher<Iterable<? extends String>> actions) {
        as(PRODUCT, "product").queryParam("size", 200).get("/launches/" + launch + "/audit").then().statusCode(200)
                .body("items.action", actions);
    }

    private static void assertTimeline(String ticket, Matcher<Iterable<? extends String>> actions) {
        as(PRODUCT, "product").queryParam("size", 200).get("/tickets/" + ticket + "/timeline").then().statusCode(200)
                .body("items.action", actions);
    }

    private static void assertTrainingAudited(String launch, String action, int times) {
        as(PRODUCT, "product").queryParam("size", 200).get("/launches/" + launch + "/audit").then()
                .body("items.findAll { it.action == '" + action + "' }.size()", equalTo(times));
    }

    private static MeetingConcluded training(String launchId, UUID meetingId) {
        Instant startedAt = Instant.now().minus(Duration.ofMinutes(50));
        return new MeetingConcluded(meetingId, MeetingKind.TRAINING,
                MeetingSubject.launch(UUID.fromString(launchId), "Retention"), "Training: retention", PRODUCT,
                startedAt, startedAt.plus(Duration.ofMinutes(45)),
                List.of(new Invitee(LEAD, "CS", "carla"), new Invitee(AGENTS.get(0), "CS", LEAD)),
                List.of(new Invitee(AGENTS.get(1), "CS", LEAD)), List.of("Go live on Tuesday"), List.of(),
                "http://localhost:8082/meetings/" + meetingId);
    }

    /** Meeting events are keyed by meeting: a redelivery and the events after it about that meeting keep their order. */
    private static void send(String ceId, DomainEvent event) {
        meetingService.send(CloudEventRecords.of(ceId, event, Instant.now()));
    }
}
