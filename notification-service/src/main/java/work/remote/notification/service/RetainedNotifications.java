package work.remote.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import work.remote.notification.config.NotificationConfig;
import work.remote.platform.retention.RetainedRows;
import work.remote.platform.retention.RetentionPurge;

/**
 * What the platform's {@link RetentionPurge} deletes of this service's own tables, beside the inbox and the outbox,
 * after {@code notification.retention.deliveries}: finished deliveries (delivered or dead) by when they were planned,
 * and the escalation records of events that have no delivery left. Pending and in-flight deliveries are never
 * purged, whatever their age; an escalation record stays while any delivery of its event does, so that a critical
 * issue is never escalated twice.
 */
@ApplicationScoped
public class RetainedNotifications {

    public static final String DELIVERIES = "delivery";
    public static final String ESCALATIONS = "critical_escalation";

    @Produces
    @Singleton
    RetainedRows finishedDeliveries(NotificationConfig config) {
        return new RetainedRows(DELIVERIES, config.retention().deliveries(), """
                delete from delivery where id in (
                    select id from delivery where state in ('DELIVERED', 'DEAD') and created_at < ?1
                    limit ?2 for update skip locked)""");
    }

    @Produces
    @Singleton
    RetainedRows escalationsWithoutDeliveries(NotificationConfig config) {
        return new RetainedRows(ESCALATIONS, config.retention().deliveries(), """
                delete from critical_escalation where ce_id in (
                    select e.ce_id from critical_escalation e
                    where e.escalated_at < ?1 and not exists (select 1 from delivery d where d.ce_id = e.ce_id)
                    limit ?2 for update skip locked)""");
    }
}
