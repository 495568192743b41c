package work.remote.notification.delivery;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import work.remote.platform.AfterCommit;
import work.remote.events.notification.Channel;
import work.remote.notification.Slice;
import work.remote.notification.channel.SlackChannelService;
import work.remote.platform.problem.ProblemException;

/** The queryable record of every delivery, and the replay of dead ones. */
@ApplicationScoped
public class DeliveryLog {

    private final Clock clock;
    private final AfterCommit afterCommit;
    private final DeliveryWorker worker;

    @Inject
    public DeliveryLog(Clock clock, AfterCommit afterCommit, DeliveryWorker worker) {
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.worker = worker;
    }

    /** What to look for; every criterion left null matches everything. */
    public record Filter(String ceId, String ceType, String subject, UUID ticketId, UUID launchId,
            Delivery.State state, Channel channel, String target) {
    }

    public Slice<Delivery> find(Filter filter, int page, int size) {
        StringJoiner where = new StringJoiner(" and ");
        Map<String, Object> parameters = new HashMap<>();
        criterion(where, parameters, "ceId", filter.ceId());
        criterion(where, parameters, "ceType", filter.ceType());
        criterion(where, parameters, "subject", filter.subject());
        criterion(where, parameters, "ticketId", filter.ticketId());
        criterion(where, parameters, "launchId", filter.launchId());
        criterion(where, parameters, "state", filter.state());
        criterion(where, parameters, "channel", filter.channel());
        criterion(where, parameters, "target", filter.target());
        PanacheQuery<Delivery> query = where.length() == 0
                ? Delivery.findAll(Sort.descending("createdAt").and("id"))
                : Delivery.find(where.toString(), Sort.descending("createdAt").and("id"), parameters);
        return Slice.of(query, page, size);
    }

    private static void criterion(StringJoiner where, Map<String, Object> parameters, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            parameters.put(field, value);
        }
    }

    public Delivery get(UUID id) {
        Delivery delivery = Delivery.findById(id);
        if (delivery == null) {
            throw ProblemException.notFound("Delivery", id);
        }
        return delivery;
    }

    /**
     * Makes the deliveries waiting for a Slack channel that was not registered (or pointed at a webhook that failed)
     * due at once, in the transaction that registered it.
     */
    void onChannelReady(@Observes SlackChannelService.ChannelReady ready) {
        int waiting = Delivery.update("nextAttemptAt = ?1 where state = ?2 and channel = ?3 and target = ?4",
                clock.instant(), Delivery.State.PENDING, Channel.SLACK, ready.name());
        if (waiting > 0) {
            afterCommit.run(worker::nudge);
        }
    }

    /** Gives a dead delivery a fresh round of attempts; anything else is a conflict. */
    @Transactional
    public Delivery replay(UUID id) {
        Delivery delivery = get(id);
        delivery.replay(clock.instant());
        afterCommit.run(worker::nudge);
        return delivery;
    }
}
