package work.remote.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import work.remote.events.DomainEvent;
import work.remote.events.EventJson;
import work.remote.events.EventType;

/** The events of one type the service wrote to its outbox about a subject, in the order they were written. */
final class Outboxed {

    private Outboxed() {
    }

    static <E extends DomainEvent> List<E> events(EntityManager entityManager, String subject, Class<E> type) {
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select e.payload from OutboxEvent e where e.ceSubject = :subject and e.ceType = :type "
                        + "order by e.position", String.class)
                .setParameter("subject", subject).setParameter("type", EventType.of(type).ceType())
                .getResultList());
        return payloads.stream().map(payload -> read(payload, type)).toList();
    }

    private static <E> E read(String payload, Class<E> type) {
        try {
            return EventJson.mapper().readValue(payload, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
