package work.remote.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.ticket.CriticalIssueEscalated;
import work.remote.events.ticket.EscalationReason;
import work.remote.events.ticket.SlaAtRisk;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.testing.TestClock;
import work.remote.ticket.config.TicketConfig;
import work.remote.ticket.service.SlaClock;
import work.remote.ticket.service.TicketService;

/** The 3-hour clock of money issues (at risk after 2 hours), with time moved instead of waited for. */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
class SlaClockTest {

    private static final Duration AT_RISK_AFTER = Duration.ofHours(2);
    private static final Duration RESOLVE_WITHIN = Duration.ofHours(3);
    private static final Duration UNACKNOWLEDGED_AFTER = Duration.ofMinutes(15);

    static RecordingConsumer topic;

    @Inject
    TestClock clock;

    @Inject
    SlaClock slaClock;

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    TicketService tickets;

    @Inject
    TicketConfig config;

    @BeforeAll
    static void listen() {
        topic = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(), "remote-work.ticket.events");
    }

    @AfterAll
    static void stopListening() {
        topic.close();
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    static List<String> announcements(String ticketId) {
        return topic.withKey(ticketId).stream()
                .map(record -> TicketEventsTest.header(record, "ce_type"))
                .filter(type -> type.contains(".Sla"))
                .toList();
    }

    @Test
    void slaAtRiskThenSlaBreachedAreEachAnnouncedExactlyOnce() {
        freezeOnAWholeSecond();
        String id = TicketWorkflowTest.openTicket("WITHDRAWAL_BLOCKED");

        clock.advance(AT_RISK_AFTER.minusSeconds(1));
        slaClock.announceDue();
        assertThat(slaActions(id)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        slaClock.announceDue();
        slaClock.announceDue();
        assertThat(slaActions(id)).containsExactly("SLA_AT_RISK");
        await().atMost(Duration.ofSeconds(20)).until(() -> announcements(id).size() == 1);
        SlaAtRisk atRisk = TicketEventsTest.read(slaEvents(id).get(0), SlaAtRisk.class);
        assertThat(atRisk.minutesRemaining()).isEqualTo(60);

        clock.advance(RESOLVE_WITHIN.minus(AT_RISK_AFTER).minusSeconds(1));
        slaClock.announceDue();
        assertThat(slaActions(id)).containsExactly("SLA_AT_RISK");

        clock.advance(Duration.ofSeconds(1));
        slaClock.announceDue();
        slaClock.announceDue();
        assertThat(slaActions(id)).containsExactly("SLA_AT_RISK", "SLA_BREACHED");

        awaitEverythingPublishedSoFar();
        assertThat(announcements(id))
                .containsExactly("work.remote.ticket.SlaAtRisk", "work.remote.ticket.SlaBreached");
    }

    @Test
    void anUnacknowledgedCriticalIssueEscalatesOnce() {
        freezeOnAWholeSecond();
        String id = TicketWorkflowTest.openTicket("WITHDRAWAL_BLOCKED");

        clock.advance(UNACKNOWLEDGED_AFTER.minusSeconds(1));
        slaClock.announceDue();
        assertThat(escalations(id)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        slaClock.announceDue();
        slaClock.announceDue();
        assertThat(escalations(id)).containsExactly("level 1: nobody acknowledged it within 15 minute(s)");

        clock.advance(AT_RISK_AFTER.minus(UNACKNOWLEDGED_AFTER));
        slaClock.announceDue();
        slaClock.announceDue();
        assertThat(escalations(id)).containsExactly("level 1: nobody acknowledged it within 15 minute(s)",
                "level 2: still unresolved at the at-risk mark, 60 minute(s) left");

        awaitEverythingPublishedSoFar();
        List<CriticalIssueEscalated> escalated = topic.withKey(id).stream()
                .filter(record -> TicketEventsTest.header(record, "ce_type").endsWith(".CriticalIssueEscalated"))
                .map(record -> TicketEventsTest.read(record, CriticalIssueEscalated.class)).toList();
        assertThat(escalated).extracting(CriticalIssueEscalated::level, CriticalIssueEscalated::reason)
                .containsExactly(tuple(1, EscalationReason.UNACKNOWLEDGED),
                        tuple(2, EscalationReason.UNRESOLVED_AT_RISK));
        assertThat(escalated.get(0).escalatedAt())
                .isEqualTo(escalated.get(0).reportedAt().plus(UNACKNOWLEDGED_AFTER));
        assertThat(escalated.get(0).assignee()).isNull();
        assertThat(escalated.get(0).link()).endsWith("/tickets/" + id);
    }

    @Test
    void anAcknowledgedCriticalIssueEscalatesOnlyWhenStillUnresolvedAtTheAtRiskMark() {
        String id = TicketWorkflowTest.openTicket("TRADING_BLOCKED");
        AcknowledgementTest.acknowledge(id, "pat-product", "product").statusCode(200);

        clock.advance(AT_RISK_AFTER);
        slaClock.announceDue();

        assertThat(escalations(id)).singleElement().asString().startsWith("level 2");
        awaitEverythingPublishedSoFar();
        assertThat(topic.withKey(id).stream()
                .filter(record -> TicketEventsTest.header(record, "ce_type").endsWith(".CriticalIssueEscalated"))
                .map(record -> TicketEventsTest.read(record, CriticalIssueEscalated.class).assignee()))
                .containsExactly("pat-product");
    }

    @Test
    void ticketsPastTheirDeadlineAreListedAsBreached() {
        freezeOnAWholeSecond();
        String late = TicketWorkflowTest.openTicket("WITHDRAWAL_BLOCKED");
        String minor = TicketWorkflowTest.openTicket("COSMETIC");

        clock.advance(RESOLVE_WITHIN.minusSeconds(1));
        assertThat(breachedIds()).doesNotContain(late, minor);

        clock.advance(Duration.ofSeconds(1));
        assertThat(breachedIds()).contains(late).doesNotContain(minor);
    }

    private static List<String> breachedIds() {
        return given().auth().oauth2(TicketResourceTest.token("product")).queryParam("sla", "BREACHED")
                .queryParam("size", 200).when().get("/tickets").then().statusCode(200).extract().path("items.id");
    }

    @Test
    void aTicketResolvedInTimeIsNeverAnnounced() {
        String id = TicketWorkflowTest.openTicket("TRADING_BLOCKED");
        for (String state : new String[] { "TRIAGED", "IN_PROGRESS", "RESOLVED" }) {
            TicketWorkflowTest.move(id, state, "product").statusCode(200);
        }
        clock.advance(RESOLVE_WITHIN.plusHours(1));
        slaClock.announceDue();

        assertThat(slaActions(id)).isEmpty();
        awaitEverythingPublishedSoFar();
        assertThat(announcements(id)).isEmpty();
    }

    @Test
    void twoInstancesOfTheClockOnOneDatabaseAnnounceEachDeadlineOnce() throws Exception {
        SlaClock secondReplica = new SlaClock(entityManager, outbox, tickets, config, clock);
        SlaClock freshAfterRestart = new SlaClock(entityManager, outbox, tickets, config, clock);
        String id = TicketWorkflowTest.openTicket("FUNDS_INCORRECT");

        clock.advance(AT_RISK_AFTER);
        race(secondReplica, freshAfterRestart);
        clock.advance(RESOLVE_WITHIN.minus(AT_RISK_AFTER));
        race(secondReplica, freshAfterRestart);

        assertThat(slaActions(id)).containsExactly("SLA_AT_RISK", "SLA_BREACHED");
        awaitEverythingPublishedSoFar();
        assertThat(announcements(id))
                .containsExactly("work.remote.ticket.SlaAtRisk", "work.remote.ticket.SlaBreached");
    }

    /** Both replicas (and the service's own scheduled clock) look for due tickets at the same time, many times. */
    private static void race(SlaClock first, SlaClock second) throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> racing = List.of(() -> tick(first, 25), () -> tick(second, 25));
            for (var result : replicas.invokeAll(racing)) {
                result.get();
            }
        } finally {
            replicas.shutdown();
        }
    }

    private static int tick(SlaClock clock, int times) {
        int announced = 0;
        for (int i = 0; i < times; i++) {
            announced += QuarkusTransaction.requiringNew().call(clock::announceDue);
        }
        return announced;
    }

    /**
     * Stops time on a whole second: the database keeps microseconds, so the at-risk mark and the deadline compare
     * exactly with the times the test moves to.
     */
    private void freezeOnAWholeSecond() {
        Instant now = clock.freeze();
        clock.advance(Duration.between(now, now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)));
    }

    /** What the clock announced about the ticket, as its timeline has it (written with the announcement's event). */
    private static List<String> slaActions(String ticketId) {
        return given().auth().oauth2(TicketResourceTest.token("ops")).when().get("/tickets/" + ticketId + "/timeline")
                .then().statusCode(200).extract().<List<String>> path("items.action").stream()
                .filter(action -> action.startsWith("SLA_")).toList();
    }

    /** The escalations of the ticket, as its timeline has them. */
    private static List<String> escalations(String ticketId) {
        return given().auth().oauth2(TicketResourceTest.token("ops")).when().get("/tickets/" + ticketId + "/timeline")
                .then().statusCode(200).extract().<List<Map<String, String>>> path("items").stream()
                .filter(change -> change.get("action").equals("ESCALATED")).map(change -> change.get("detail"))
                .toList();
    }

    private static List<ConsumerRecord<String, String>> slaEvents(String ticketId) {
        return topic.withKey(ticketId).stream()
                .filter(record -> TicketEventsTest.header(record, "ce_type").contains(".Sla")).toList();
    }

    /** The outbox publishes in the order rows were written: once a ticket opened now is out, so is all before it. */
    private static void awaitEverythingPublishedSoFar() {
        String marker = TicketWorkflowTest.openTicket("NONE");
        await().atMost(Duration.ofSeconds(20)).until(() -> !topic.withKey(marker).isEmpty());
    }
}
