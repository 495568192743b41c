package work.remote.meeting;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.quarkus.narayana.jta.QuarkusTransaction;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.devinfra.TestProducer;
import work.remote.events.DomainEvent;
import work.remote.events.process.ProcessDrafted;
import work.remote.events.ticket.LaunchPlanned;
import work.remote.platform.CloudEventRecords;

/**
 * Makes processes and launches known to meeting-service the way it learns them: process-service's and
 * ticket-service's events, published to the real broker on their topics with their CloudEvent headers, then awaited
 * in the read model. One producer serves every test class of the JVM.
 */
final class Subjects {

    static final String PROCESS_OWNER = "olga-owner";
    static final String PRODUCT_OWNER = "pia-product";

    private static TestProducer producer;

    private Subjects() {
    }

    /** A process drafted by {@link #PROCESS_OWNER}, once meeting-service knows it. */
    static UUID process() {
        return process(PROCESS_OWNER);
    }

    static UUID process(String owner) {
        UUID id = UUID.randomUUID();
        publish(drafted(id, "Launch playbook " + id, owner));
        awaitSubject(id, known -> known != null);
        return id;
    }

    /** A launch planned by {@link #PRODUCT_OWNER}, once meeting-service knows it. */
    static UUID launch() {
        UUID id = UUID.randomUUID();
        publish(planned(id, "Feature " + id, PRODUCT_OWNER));
        awaitSubject(id, known -> known != null);
        return id;
    }

    static ProcessDrafted drafted(UUID processId, String title, String owner) {
        return new ProcessDrafted(processId, "process-" + processId, title, owner, null, null, owner, Instant.now(),
                "http://localhost:8081/processes/" + processId);
    }

    static LaunchPlanned planned(UUID launchId, String feature, String productOwner) {
        return new LaunchPlanned(launchId, feature, Instant.now().plus(Duration.ofDays(7)), "Europe/Berlin",
                productOwner, "carl-cs-lead", List.of("agent-a", "agent-b"), "#cs-launch-" + launchId,
                "https://docs.remote.work/launches/" + launchId + "/rules", Instant.now(),
                "http://localhost:8083/launches/" + launchId);
    }

    /**
     * Publishes {@code event} as its owning service's outbox would: its topic, key and CloudEvent headers; returns its
     * {@code ce_id}.
     */
    static String publish(DomainEvent event) {
        String ceId = UUID.randomUUID().toString();
        producer().send(CloudEventRecords.of(ceId, event, Instant.now()));
        return ceId;
    }

    /** What meeting-service knows about subject {@code id}; null when nothing. */
    static KnownSubject known(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> KnownSubject.findById(id));
    }

    /** Waits until what meeting-service knows about {@code id} (null when nothing) matches {@code expected}. */
    static KnownSubject awaitSubject(UUID id, Predicate<KnownSubject> expected) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> known(id), expected);
    }

    private static synchronized TestProducer producer() {
        if (producer == null) {
            producer = TestProducer.of(RemoteWorkTestResource.kafka().bootstrapServers());
        }
        return producer;
    }
}
