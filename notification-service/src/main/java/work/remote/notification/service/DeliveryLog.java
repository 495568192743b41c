package work.remote.notification.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import work.remote.events.notification.Channel;
import work.remote.notification.Delivery;
import work.remote.platform.AfterCommit;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.query.Criteria;

/** The queryable record of every delivery, and the replay of dead ones. */
@ApplicationScoped
public class DeliveryLog {

    private final Clock clock;
    private final AfterCommit afterCommit;
    private final DeliveryScheduler scheduler;

    @Inject
    public DeliveryLog(Clock clock, AfterCommit afterCommit, DeliveryScheduler scheduler) {
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.scheduler = scheduler;
    }

    /** What to look for; every criterion left null matches everything. */
    public record Filter(String ceId, String ceType, String subject, UUID ticketId, UUID launchId,
            Delivery.State state, Channel channel, String target) {
    }

    public Page<Delivery> find(Filter filter, PageRequest page) {
        Criteria where = Criteria.where()
                .equal("ceId", filter.ceId())
                .equal("ceType", filter.ceType())
                .equal("subject", filter.subject())
                .equal("ticketId", filter.ticketId())
                .equal("launchId", filter.launchId())
                .equal("state", filter.state())
                .equal("channel", filter.channel())
                .equal("target", filter.target());
        return Page.of(Delivery.find(where.query(), Sort.descending("createdAt").and("id"), where.parameters()), page);
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
     * due at once, in the transaction that registered it. A delivery a sender holds is skipped, not waited for: the
     * sender holds it and then locks the channel's row, which this transaction already holds, so waiting would
     * deadlock; a held delivery is either being sent or is given its next attempt by its sender.
     */
    void onChannelReady(@Observes SlackChannelService.ChannelReady ready) {
        int waiting = Delivery.getEntityManager().createNativeQuery("""
                update delivery set next_attempt_at = ?1
                where id in (select id from delivery
                             where state = 'PENDING' and channel = 'SLACK' and target = ?2
                             for update skip locked)""")
                .setParameter(1, clock.instant()).setParameter(2, ready.name()).executeUpdate();
        if (waiting > 0) {
            afterCommit.run(scheduler::nudge);
        }
    }

    /** Gives a dead delivery a fresh round of attempts; anything else is a conflict. */
    @Transactional
    public Delivery replay(UUID id) {
        Delivery delivery = get(id);
        delivery.replay(clock.instant());
        afterCommit.run(scheduler::nudge);
        return delivery;
    }
}
