package work.remote.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import work.remote.platform.retention.RetainedRows;
import work.remote.ticket.config.TicketConfig;

/**
 * The audit trails, which only grow and are only history: a launch's audit trail and each ticket's timeline.
 * Platform's {@code RetentionPurge} deletes their entries once they are older than {@code ticket.retention.audit}; the
 * launches and tickets themselves stay.
 */
@ApplicationScoped
public class AuditRetention {

    @Produces
    @Singleton
    RetainedRows launchAuditTrail(TicketConfig config) {
        return olderThanTheAuditRetention("launch_change", config);
    }

    @Produces
    @Singleton
    RetainedRows ticketTimelines(TicketConfig config) {
        return olderThanTheAuditRetention("ticket_change", config);
    }

    private static RetainedRows olderThanTheAuditRetention(String table, TicketConfig config) {
        return new RetainedRows(table, config.retention().audit(), """
                delete from %1$s where id in (
                    select id from %1$s where at < ?1
                    limit ?2 for update skip locked)""".formatted(table));
    }
}
