package work.remote.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

import work.remote.events.notification.Channel;
import work.remote.notification.Delivery;
import work.remote.notification.PlannedTarget;
import work.remote.notification.RenderedMessage;
import work.remote.notification.SlackMissed;
import work.remote.notification.config.NotificationConfig;
import work.remote.platform.AfterCommit;

/**
 * Tells the product group by email that Slack did not get a critical issue (its Slack message is dead, or still not
 * delivered some minutes after it was planned), why, and where the ticket is: once per critical issue, also across
 * replicas, because the first to insert the issue's row in {@code critical_escalation} is the only one that sends.
 * The emails are deliveries like any other (purpose ESCALATION), retried and logged.
 */
@ApplicationScoped
public class CriticalIssueEscalation {

    static final String ROUTE = "critical-issue-not-on-slack";
    private static final Logger LOG = Logger.getLogger(CriticalIssueEscalation.class);

    /** What made a critical issue escalate. */
    public enum Trigger {
        DEAD, LATE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final EntityManager entityManager;
    private final Clock clock;
    private final NotificationConfig.Escalation config;
    private final EmailDirectory directory;
    private final AfterCommit afterCommit;
    private final DeliveryScheduler scheduler;
    private final DeliveryMetrics metrics;
    private final Template text;
    private final Template html;

    @Inject
    public CriticalIssueEscalation(EntityManager entityManager, Clock clock, NotificationConfig config,
            EmailDirectory directory, AfterCommit afterCommit, DeliveryScheduler scheduler, DeliveryMetrics metrics,
            @Location("escalations/slack-missed.txt") Template text,
            @Location("escalations/slack-missed.html") Template html) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config.escalation();
        this.directory = directory;
        this.afterCommit = afterCommit;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.text = text;
        this.html = html;
    }

    /**
     * Escalates the critical issue of event {@code ceId} unless it was escalated before or every Slack message of it
     * is delivered by now; in the caller's transaction.
     *
     * @return whether this call escalated it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean escalate(String ceId, Trigger trigger) {
        List<Delivery> missed = entityManager.createQuery("""
                from Delivery d where d.ceId = :ceId and d.channel = :slack and d.purpose = :notice
                and d.state <> :delivered order by d.createdAt, d.target""", Delivery.class)
                .setParameter("ceId", ceId)
                .setParameter("slack", Channel.SLACK)
                .setParameter("notice", Delivery.Purpose.NOTICE)
                .setParameter("delivered", Delivery.State.DELIVERED)
                .getResultList();
        if (missed.isEmpty() || !firstToEscalate(ceId, trigger)) {
            return false;
        }
        Delivery first = missed.get(0);
        SlackMissed message = new SlackMissed(first.title, first.ticketId, first.link,
                missed.stream().map(this::miss).toList());
        RenderedMessage email = new RenderedMessage(message.subject(), null,
                text.data("missed", message).render(), html.data("missed", message).render());
        List<String> addresses = directory.group(config.group()).orElse(List.of());
        if (addresses.isEmpty()) {
            LOG.errorf("Critical issue %s (%s) did not reach Slack, and escalation group %s has no addresses "
                    + "(notification.email.groups.%s)", first.subject, ceId, config.group(), config.group());
        }
        Delivery.Source source = new Delivery.Source(first.ceId, first.ceType, first.subject, first.ticketId,
                first.launchId, first.link);
        Instant now = clock.instant();
        for (String address : addresses) {
            Delivery.pending(Delivery.Purpose.ESCALATION, source, new PlannedTarget(Channel.EMAIL, address, ROUTE),
                    email, now).persist();
        }
        afterCommit.run(scheduler::nudge);
        metrics.escalated(trigger.tag());
        LOG.warnf("Critical issue %s (%s) escalated by email to %s: %s", first.subject, ceId, config.group(),
                message.misses());
        return true;
    }

    private boolean firstToEscalate(String ceId, Trigger trigger) {
        return entityManager.createNativeQuery("""
                insert into critical_escalation (ce_id, trigger, escalated_at) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, ceId)
                .setParameter(2, trigger.name())
                .setParameter(3, clock.instant())
                .executeUpdate() == 1;
    }

    private SlackMissed.Miss miss(Delivery delivery) {
        String lastError = delivery.lastError != null ? delivery.lastError : "no attempt has finished yet";
        String why = delivery.state == Delivery.State.DEAD
                ? "dead after " + delivery.attempts + " attempt(s): " + lastError
                : "not delivered " + readable(Duration.between(delivery.createdAt, clock.instant())) + " after it was "
                        + "planned (" + delivery.attempts + " attempt(s) so far): " + lastError;
        return new SlackMissed.Miss(delivery.target, why);
    }

    private static String readable(Duration duration) {
        return duration.toMinutes() > 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
