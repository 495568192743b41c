package work.remote.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static work.remote.ticket.TicketEventsTest.header;
import static work.remote.ticket.TicketEventsTest.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;

import work.remote.devinfra.RecordingConsumer;
import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.ticket.Impact;
import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketOpened;
import work.remote.events.ticket.TicketType;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.outbox.OutboxConfig;
import work.remote.platform.outbox.OutboxEvent;
import work.remote.platform.outbox.OutboxFastPath;
import work.remote.platform.outbox.OutboxPublisher;
import work.remote.platform.outbox.OutboxRelay;

/**
 * The outbox's fast path (platform: OutboxFastPath): committed rows go to Kafka from memory, never ahead of an earlier
 * unsent row of their key, and the drain takes over what a fast path claimed but did not finish.
 */
@QuarkusTest
@WithTestResource(TicketTestResource.class)
class OutboxFastPathTest {

    static RecordingConsumer topic;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxConfig outboxConfig;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @BeforeAll
    static void listen() {
        topic = RecordingConsumer.of(RemoteWorkTestResource.kafka().bootstrapServers(), TicketEventsTest.TOPIC);
    }

    @AfterAll
    static void stopListening() {
        topic.close();
    }

    @Test
    void aCommittedEventIsPublishedAndMarkedSentWhileNoDrainCanRun() throws Exception {
        UUID ticketId = UUID.randomUUID();
        try (DrainLock drainLock = holdDrainLock()) {
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(opened(ticketId, "from memory")));

            await().atMost(Duration.ofSeconds(20)).until(() -> topic.withKey(ticketId.toString()).size() == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> row(ticketId, "from memory").sentAt != null);
            OutboxEvent row = row(ticketId, "from memory");
            assertThat(row.attempts).isEqualTo(1);
            assertThat(row.claimedUntil).as("the claim ends with the recorded send").isNull();
            assertThat(header(topic.withKey(ticketId.toString()).get(0), "ce_id")).isEqualTo(row.id.toString());
        }
    }

    @Test
    void twoReplicasWritingOneAggregateInTurnPublishItsEventsOnceAndInOrder() throws Exception {
        OutboxPublisher secondPublisher = new OutboxPublisher(kafkaConfig);
        OutboxRelay secondRelay = new OutboxRelay(entityManager, secondPublisher, outboxConfig, Clock.systemUTC(),
                new SimpleMeterRegistry());
        OutboxFastPath secondFastPath = new OutboxFastPath(entityManager, transactions, secondPublisher, secondRelay,
                outboxConfig, Clock.systemUTC(), new SimpleMeterRegistry());
        Outbox secondReplica = new Outbox(entityManager, secondFastPath, secondPublisher, Clock.systemUTC());
        UUID ticketId = UUID.randomUUID();
        int count = 60;
        try {
            for (int i = 0; i < count; i++) {
                if (i % 3 == 0) {
                    // every third write finds its key drained, so its replica sends it from memory
                    await().atMost(Duration.ofSeconds(20)).until(() -> unsentRows(ticketId) == 0);
                }
                TicketOpened event = opened(ticketId, "turn " + i);
                Outbox writer = i % 2 == 0 ? outbox : secondReplica;
                QuarkusTransaction.requiringNew().run(() -> writer.publish(event));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> topic.withKey(ticketId.toString()).size() >= count);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.withKey(ticketId.toString()).size() == count);
        } finally {
            secondFastPath.stop();
            secondRelay.stop();
            secondPublisher.close();
        }
        assertThat(titles(topic.withKey(ticketId.toString())))
                .containsExactlyElementsOf(IntStream.range(0, count).mapToObj(i -> "turn " + i).toList());
    }

    @Test
    void anEventWhoseKeyHasAnUnsentRowWaitsForTheDrainAndArrivesAfterThatRow() throws Exception {
        UUID ticketId = UUID.randomUUID();
        try (DrainLock drainLock = holdDrainLock()) {
            persistAsAnotherReplica(opened(ticketId, "left unsent"), null);
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(opened(ticketId, "committed after it")));

            assertThat(row(ticketId, "committed after it").claimedUntil).as("not claimed by the fast path").isNull();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> topic.withKey(ticketId.toString()).isEmpty());
        }
        relay.nudge();
        await().atMost(Duration.ofSeconds(20)).until(() -> topic.withKey(ticketId.toString()).size() == 2);
        assertThat(titles(topic.withKey(ticketId.toString()))).containsExactly("left unsent", "committed after it");
    }

    @Test
    void anEventKeyedByTheAggregateItsTransactionCreatedIsClaimedWithoutLookingForEarlierRows() throws Exception {
        UUID ticketId = UUID.randomUUID();
        try (DrainLock drainLock = holdDrainLock()) {
            // no other transaction can write a row keyed by a new aggregate's id: this one stands for the query skipped
            persistAsAnotherReplica(opened(ticketId, "impossible earlier row"), null);
            QuarkusTransaction.requiringNew().run(() -> outbox.publishOfCreated(opened(ticketId, "created"), ticketId));

            assertThat(row(ticketId, "created").claimedUntil).as("claimed by the fast path").isNotNull();
        }
    }

    @Test
    void anEventOfACreatedAggregateKeyedByAnotherWaitsForThatKeysUnsentRow() throws Exception {
        UUID launchId = UUID.randomUUID();
        UUID ticketId = UUID.randomUUID();
        try (DrainLock drainLock = holdDrainLock()) {
            persistAsAnotherReplica(openedInLaunch(UUID.randomUUID(), launchId, "the launch's unsent row"), null);
            QuarkusTransaction.requiringNew().run(() -> outbox.publishOfCreated(
                    openedInLaunch(ticketId, launchId, "a new ticket of the launch"), ticketId));

            assertThat(row(launchId, "a new ticket of the launch").claimedUntil).as("not claimed by the fast path")
                    .isNull();
        }
        relay.nudge();
        await().atMost(Duration.ofSeconds(20)).until(() -> topic.withKey(launchId.toString()).size() == 2);
        assertThat(titles(topic.withKey(launchId.toString())))
                .containsExactly("the launch's unsent row", "a new ticket of the launch");
    }

    @Test
    void theDrainLeavesARowClaimedByAFastPathAndTheRowsAfterItUntilTheClaimEnds() throws Exception {
        UUID ticketId = UUID.randomUUID();
        UUID otherTicket = UUID.randomUUID();
        UUID inFlight = persistAsAnotherReplica(opened(ticketId, "in flight elsewhere"), Instant.now().plusSeconds(3600));
        persistAsAnotherReplica(opened(ticketId, "behind it"), null);
        persistAsAnotherReplica(opened(otherTicket, "another aggregate"), null);
        relay.nudge();

        await().atMost(Duration.ofSeconds(20)).until(() -> topic.withKey(otherTicket.toString()).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> topic.withKey(ticketId.toString()).isEmpty());

        expireClaim(inFlight);
        relay.nudge();
        await().atMost(Duration.ofSeconds(20)).until(() -> topic.withKey(ticketId.toString()).size() == 2);
        assertThat(titles(topic.withKey(ticketId.toString()))).containsExactly("in flight elsewhere", "behind it");
    }

    @Test
    void aRowAcknowledgedButNotRecordedBeforeACrashIsSentAgainWithItsCeIdAndBeforeTheRowsAfterIt() throws Exception {
        UUID ticketId = UUID.randomUUID();
        UUID crashed = persistAsAnotherReplica(opened(ticketId, "acknowledged, then the replica crashed"),
                Instant.now().plusSeconds(3600));
        OutboxEvent acknowledgedRow = QuarkusTransaction.requiringNew()
                .call(() -> entityManager.find(OutboxEvent.class, crashed));
        try (KafkaProducer<String, String> crashedReplica = new KafkaProducer<>(
                Map.of("bootstrap.servers", RemoteWorkTestResource.kafka().bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            crashedReplica.send(acknowledgedRow.toRecord()).get();
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(opened(ticketId, "committed after the crash")));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> topic.withKey(ticketId.toString()).size() == 1);

        expireClaim(crashed);
        relay.nudge();
        await().atMost(Duration.ofSeconds(20)).until(() -> topic.withKey(ticketId.toString()).size() == 3);
        List<ConsumerRecord<String, String>> records = topic.withKey(ticketId.toString());
        assertThat(titles(records)).containsExactly("acknowledged, then the replica crashed",
                "acknowledged, then the replica crashed", "committed after the crash");
        assertThat(records).extracting(record -> header(record, "ce_id")).first().isEqualTo(crashed.toString());
        assertThat(header(records.get(1), "ce_id")).isEqualTo(crashed.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> row(ticketId, "acknowledged, then the replica crashed")
                .sentAt != null);
    }

    /** The drain's advisory lock, held in a transaction of its own until closed: no drain runs meanwhile. */
    private DrainLock holdDrainLock() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, OutboxRelay.ADVISORY_LOCK_KEY);
            lock.execute();
        }
        return new DrainLock(connection);
    }

    private record DrainLock(Connection connection) implements AutoCloseable {

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }

    /** Writes a row as another replica's transaction would, claimed by its fast path until {@code claimedUntil}. */
    private UUID persistAsAnotherReplica(TicketOpened event, Instant claimedUntil) {
        OutboxEvent row = OutboxEvent.of(event, Instant.now());
        row.claimedUntil = claimedUntil;
        QuarkusTransaction.requiringNew().run(() -> entityManager.persist(row));
        return row.id;
    }

    private void expireClaim(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.find(OutboxEvent.class, id).claimedUntil =
                Instant.now().minusSeconds(1));
    }

    private OutboxEvent row(UUID orderingKey, String title) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("from OutboxEvent e where e.orderingKey = :key", OutboxEvent.class)
                .setParameter("key", orderingKey.toString()).getResultList().stream()
                .filter(row -> row.payload.contains("\"" + title + "\"")).findFirst().orElseThrow());
    }

    private long unsentRows(UUID ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select count(e) from OutboxEvent e where e.orderingKey = :key and e.sentAt is null",
                        Long.class)
                .setParameter("key", ticketId.toString()).getSingleResult());
    }

    private static List<String> titles(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> read(record, TicketOpened.class).title()).toList();
    }

    private static TicketOpened opened(UUID ticketId, String title) {
        return openedInLaunch(ticketId, null, title);
    }

    private static TicketOpened openedInLaunch(UUID ticketId, UUID launchId, String title) {
        return new TicketOpened(ticketId, launchId, null, title, TicketType.QUESTION, Severity.LOW, Impact.NONE, 0,
                "tester", Instant.now(), "http://localhost/tickets/" + ticketId);
    }
}
