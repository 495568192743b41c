package work.remote.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;


import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.TestProducer;
import work.remote.platform.CloudEventRecords;
import work.remote.events.DomainEvent;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.Impact;
import work.remote.events.ticket.LaunchStatusPosted;

/** Publishes events to the real broker the way a producing service's outbox does: CloudEvents, binary mode. */
final class TestEvents {

    private static TestProducer producer;

    private TestEvents() {
    }

    static synchronized TestProducer producer() {
        if (producer == null) {
            producer = TestProducer.of(RemoteWorkTestResource.kafka().bootstrapServers());
        }
        return producer;
    }

    static CriticalIssueReported criticalIssue(String title, UUID launchId) {
        UUID ticketId = UUID.randomUUID();
        Instant reportedAt = Instant.parse("2026-11-25T10:00:00Z");
        return new CriticalIssueReported(ticketId, launchId, title + " " + ticketId, Impact.WITHDRAWAL_BLOCKED,
                "Error W-17 on the withdrawal screen", 1, "cs-agent-1", reportedAt, reportedAt.plus(Duration.ofHours(3)),
                "http://localhost:8083/tickets/" + ticketId);
    }

    /** A status post for the launch whose CS channel is {@code csChannel}; {@code message} tells posts apart. */
    static LaunchStatusPosted statusPost(UUID launchId, String csChannel, String message) {
        return new LaunchStatusPosted(launchId, "Instant withdrawals", LaunchStatusPosted.Phase.DEPLOYING, message,
                List.of("HTTP 500s possible"), csChannel, "li.wei", Instant.parse("2026-11-25T10:00:00Z"),
                "http://localhost:8083/launches/" + launchId);
    }

    /** Sends {@code event} under a fresh {@code ce_id} and answers that id. */
    static String send(DomainEvent event) {
        String ceId = UUID.randomUUID().toString();
        send(ceId, event);
        return ceId;
    }

    static void send(String ceId, DomainEvent event) {
        producer().send(CloudEventRecords.of(ceId, event, Instant.now()));
    }
}
