package work.remote.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import work.remote.platform.CloudEventRecords;
import work.remote.platform.outbox.OutboxEvent;

/** What a service under test wrote to its outbox, for tests that prove the largest valid request still publishes. */
@ApplicationScoped
public class OutboxedEvents {

    /** Leaves room under Kafka's 1 MiB default for what a broker or a replay adds to a record. */
    public static final int EVENT_BUDGET = 900_000;

    private final EntityManager entityManager;

    @Inject
    public OutboxedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Asserts that every event about {@code subject} fits a Kafka record, and answers the largest of each type. */
    public Map<String, Integer> assertFit(String subject, String... types) {
        List<OutboxEvent> events = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("from OutboxEvent e where e.ceSubject = :subject order by e.position", OutboxEvent.class)
                .setParameter("subject", subject).getResultList());
        assertThat(events).extracting(event -> event.ceType).contains(types);
        Map<String, Integer> largest = new HashMap<>();
        for (OutboxEvent event : events) {
            int bytes = event.sizeInBytes();
            assertThat(bytes).as(event.ceType + " as a Kafka record").isLessThan(EVENT_BUDGET)
                    .isLessThan(CloudEventRecords.MAX_REQUEST_SIZE);
            largest.merge(event.ceType, bytes, Math::max);
        }
        return largest;
    }
}
