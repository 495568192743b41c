package work.remote.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.platform.outbox.Outbox;
import work.remote.ticket.config.TicketConfig;
import work.remote.ticket.service.SlaClock;
import work.remote.ticket.service.TicketService;

/** The 3-hour clock of money issues, shortened to seconds. */
@QuarkusTest
@TestProfile(ShortSlaProfile.class)
@WithTestResource(RemoteWorkTestResource.class)
class SlaClockTest {

    static RecordingConsumer topic;

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

    static List<String> announcements(String ticketId) {
        return topic.withKey(ticketId).stream()
                .map(record -> TicketEventsTest.header(record, "ce_type"))
                .filter(type -> type.contains(".Sla"))
                .toList();
    }

    @Test
    void slaAtRiskThenSlaBreachedAreEachAnnouncedExactlyOnce() {
        String id = TicketWorkflowTest.openTicket("WITHDRAWAL_BLOCKED");

        await().atMost(Duration.ofSeconds(30)).until(() -> announcements(id).size() == 2);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> announcements(id).size() == 2);
        assertThat(announcements(id))
                .containsExactly("work.remote.ticket.SlaAtRisk", "work.remote.ticket.SlaBreached");
    }

    @Test
    void ticketsPastTheirDeadlineAreListedAsBreached() {
        String late = TicketWorkflowTest.openTicket("WITHDRAWAL_BLOCKED");
        String minor = TicketWorkflowTest.openTicket("COSMETIC");

        await().atMost(Duration.ofSeconds(20)).until(() -> breachedIds().contains(late));
        assertThat(breachedIds()).doesNotContain(minor);
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
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12)).until(() -> announcements(id).isEmpty());
    }

    @Test
    void twoInstancesOfTheClockOnOneDatabaseAnnounceEachDeadlineOnce() throws Exception {
        SlaClock secondReplica = new SlaClock(entityManager, outbox, tickets, config, Clock.systemUTC());
        SlaClock freshAfterRestart = new SlaClock(entityManager, outbox, tickets, config, Clock.systemUTC());
        String id = TicketWorkflowTest.openTicket("FUNDS_INCORRECT");
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            List<Callable<Integer>> racing = List.of(
                    () -> tickUntil(secondReplica, until),
                    () -> tickUntil(freshAfterRestart, until));
            for (var result : replicas.invokeAll(racing)) {
                result.get();
            }
        } finally {
            replicas.shutdown();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> announcements(id).size() == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> announcements(id).size() == 2);
        assertThat(announcements(id))
                .containsExactly("work.remote.ticket.SlaAtRisk", "work.remote.ticket.SlaBreached");
    }

    private static int tickUntil(SlaClock clock, long untilNanos) {
        int announced = 0;
        while (System.nanoTime() < untilNanos) {
            announced += QuarkusTransaction.requiringNew().call(clock::announceDue);
        }
        return announced;
    }
}
