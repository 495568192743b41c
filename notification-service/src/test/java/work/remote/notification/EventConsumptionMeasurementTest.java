package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.DomainEvent;
import work.remote.events.notification.Channel;
import work.remote.events.notification.NotificationDead;
import work.remote.events.notification.NotificationDelivered;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketOpened;
import work.remote.events.ticket.TicketType;
import work.remote.platform.CloudEventRecords;

/**
 * A measurement of the consuming hop against the real broker and database: what a critical report makes this service
 * consume (the ticket's {@code TicketOpened} and {@code CriticalIssueReported}, and two of its own
 * {@code NotificationDelivered}), at the issue's 20 reports a second for the time from the broker's acknowledgement to
 * the inbox row, and as a burst for the events consumed per second. The figures are logged ({@code MEASURE}); the
 * bounds only catch a consumer that falls behind for good, so that a machine shared with other builds passes (on
 * one at a load of 50, one event per transaction fell 80 s behind and consumed 15 events a second, batches 20 s and
 * 80 a second).
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventConsumptionMeasurementTest {

    private static final Logger LOG = Logger.getLogger(EventConsumptionMeasurementTest.class);
    private static final int EVENTS_PER_REPORT = 4;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** The events one critical report makes this service consume; the critical issue is the one to time. */
    record Report(String criticalIssueId, List<Map.Entry<String, DomainEvent>> events) {

        static Report of(UUID launchId) {
            CriticalIssueReported critical = TestEvents.criticalIssue("Withdrawals fail", launchId);
            TicketOpened opened = new TicketOpened(critical.ticketId(), launchId, null, critical.title(), TicketType.BUG,
                    Severity.CRITICAL, critical.impact(), 1, critical.reporter(), critical.reportedAt(),
                    critical.link());
            String criticalId = UUID.randomUUID().toString();
            List<Map.Entry<String, DomainEvent>> events = new ArrayList<>();
            events.add(Map.entry(UUID.randomUUID().toString(), opened));
            events.add(Map.entry(criticalId, critical));
            for (String target : List.of("#product", "product-team@remote.work")) {
                events.add(Map.entry(UUID.randomUUID().toString(), new NotificationDelivered(UUID.randomUUID(),
                        UUID.fromString(criticalId), "work.remote.ticket.CriticalIssueReported",
                        critical.ticketId().toString(), target.startsWith("#") ? Channel.SLACK : Channel.EMAIL, target,
                        1, Instant.now(), critical.link())));
            }
            return new Report(criticalId, events);
        }
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RemoteWorkTestResource.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
    }

    /** When this service recorded each of {@code ceIds} in its inbox, for those it has. */
    Map<String, Instant> inboxTimes(Collection<String> ceIds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Instant> times = new ConcurrentHashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(
                    "select ce_id, processed_at from inbox_event where consumer = 'notification-service' "
                            + "and ce_id = any(?1)")
                    .setParameter(1, ceIds.toArray(String[]::new)).getResultList();
            for (Object[] row : rows) {
                times.put((String) row[0], (Instant) row[1]);
            }
            return times;
        });
    }

    static long percentile(List<Long> sorted, double percentile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(percentile / 100 * sorted.size()) - 1));
    }

    @Test
    @Order(1)
    void atTwentyReportsASecondAnEventIsInTheInboxSoonAfterTheBrokerAcknowledgedIt() throws InterruptedException {
        int reports = 200;
        UUID launchId = UUID.randomUUID();
        Map<String, Instant> ackedAt = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        ScheduledExecutorService offer = Executors.newSingleThreadScheduledExecutor();
        try (KafkaProducer<String, String> producer = producer()) {
            offer.scheduleAtFixedRate(() -> {
                if (sent.get() == reports) {
                    done.countDown();
                    return;
                }
                Report report = Report.of(launchId);
                for (Map.Entry<String, DomainEvent> event : report.events()) {
                    producer.send(CloudEventRecords.of(event.getKey(), event.getValue(), Instant.now()),
                            (metadata, failure) -> {
                                if (failure == null && event.getKey().equals(report.criticalIssueId())) {
                                    ackedAt.put(event.getKey(), clock.instant());
                                }
                            });
                }
                sent.incrementAndGet();
            }, 0, 50, TimeUnit.MILLISECONDS);
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            offer.shutdownNow();
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> inboxTimes(ackedAt.keySet()).size() == reports);
        Map<String, Instant> recordedAt = inboxTimes(ackedAt.keySet());
        List<Long> latencies = ackedAt.entrySet().stream()
                .map(acked -> Duration.between(acked.getValue(), recordedAt.get(acked.getKey())).toMillis())
                .sorted().toList();
        LOG.infof("MEASURE consumer at 20 reports/s (%d events/s) for %d s: broker ack -> inbox row of the critical "
                + "issue p50 %d ms, p95 %d ms, p99 %d ms, max %d ms", 20 * EVENTS_PER_REPORT, reports / 20,
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                latencies.get(latencies.size() - 1));
        assertThat(percentile(latencies, 99)).isLessThan(40_000);
    }

    @Test
    @Order(2)
    void aBurstOfEventsIsConsumedFast() {
        int reports = 300;
        UUID launchId = UUID.randomUUID();
        List<Report> burst = new ArrayList<>();
        for (int i = 0; i < reports; i++) {
            burst.add(Report.of(launchId));
        }
        CriticalIssueReported sample = TestEvents.criticalIssue("last", launchId);
        // announced to ops: the last event on the notification topic's partition of the deliveries' subject
        String lastId = UUID.randomUUID().toString();
        NotificationDead last = new NotificationDead(UUID.randomUUID(), UUID.randomUUID(),
                "work.remote.ticket.CriticalIssueReported", sample.ticketId().toString(), Channel.SLACK, "#product", 3,
                "HTTP 500", Instant.now(), sample.link());
        List<String> timed = new ArrayList<>(burst.stream().map(Report::criticalIssueId).toList());
        timed.add(lastId);
        Instant start;
        try (KafkaProducer<String, String> producer = producer()) {
            start = clock.instant();
            for (Report report : burst) {
                report.events().forEach(event -> producer.send(CloudEventRecords.of(event.getKey(), event.getValue(),
                        Instant.now())));
            }
            producer.send(CloudEventRecords.of(lastId, last, Instant.now()));
            producer.flush();
        }
        Instant published = clock.instant();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> inboxTimes(timed).size() == timed.size());
        Instant finished = inboxTimes(timed).values().stream().max(Instant::compareTo).orElseThrow();
        int events = reports * EVENTS_PER_REPORT + 1;
        double seconds = Duration.between(start, finished).toNanos() / 1e9;
        LOG.infof("MEASURE consumer burst: %d events (published in %d ms) consumed in %.2f s: %.0f events/s", events,
                Duration.between(start, published).toMillis(), seconds, events / seconds);
        assertThat(events / seconds).isGreaterThan(40);
    }
}
