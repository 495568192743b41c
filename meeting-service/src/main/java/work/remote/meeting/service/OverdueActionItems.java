package work.remote.meeting.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.SpecHints;

import io.quarkus.scheduler.Scheduled;

import work.remote.meeting.ActionItem;
import work.remote.meeting.Meeting;
import work.remote.meeting.config.MeetingConfig;
import work.remote.platform.links.Links;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.query.Locking;

/**
 * The daily look for open action items past their due date: each raises {@code ActionItemOverdue} exactly once.
 * The announcement is remembered on the item in the same transaction as its outbox event, and due items are
 * locked with {@code SKIP LOCKED}, so a restart forgets nothing and two replicas never both announce an item.
 */
@ApplicationScoped
public class OverdueActionItems {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Links links;
    private final Clock clock;
    private final ZoneId zone;

    @Inject
    public OverdueActionItems(EntityManager entityManager, Outbox outbox, Links links, Clock clock,
            MeetingConfig config) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
        this.zone = ZoneId.of(config.actionItems().zone());
    }

    @Scheduled(cron = "${meeting.action-items.overdue-cron:0 0 6 * * ?}", identity = "overdue-action-items",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        announceOverdue();
    }

    /** Announces every open item whose due date has passed and was not announced yet; returns how many. */
    @Transactional
    public int announceOverdue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<ActionItem> overdue = entityManager.createQuery("""
                from ActionItem i where i.state = :open and i.overdueAnnouncedAt is null and i.due < :today
                order by i.due, i.id""", ActionItem.class)
                .setParameter("open", ActionItem.State.OPEN)
                .setParameter("today", today)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, Locking.SKIP_LOCKED)
                .getResultList();
        for (ActionItem item : overdue) {
            Meeting meeting = Meeting.findById(item.meetingId);
            outbox.publish(item.announceOverdue(meeting, links.to("meetings", meeting.id, "review"), now));
        }
        return overdue.size();
    }
}
