package work.remote.ticket.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketType;
import work.remote.ticket.Ticket;
import work.remote.ticket.TicketState;
import work.remote.ticket.config.TicketConfig;

/** Finds tickets by launch, parent, type, severity, state and where they stand against their deadline. */
@ApplicationScoped
public class TicketSearch {

    /** Where a ticket stands against its deadline, judged now (not by what the clock already announced). */
    public enum SlaStanding {
        /** Unresolved, past the at-risk point, deadline still ahead. */
        AT_RISK,
        /** Unresolved past its deadline, or resolved after it. */
        BREACHED
    }

    public record Filter(UUID launchId, UUID parentId, TicketType type, Severity severity, TicketState state,
            SlaStanding sla) {
    }

    public record Slice(List<Ticket> items, long total) {
    }

    private final Clock clock;
    private final TicketConfig.Sla sla;

    @Inject
    public TicketSearch(Clock clock, TicketConfig config) {
        this.clock = clock;
        this.sla = config.sla();
    }

    public Slice find(Filter filter, int page, int size) {
        StringJoiner where = new StringJoiner(" and ");
        Map<String, Object> parameters = new HashMap<>();
        equal(where, parameters, "launchId", filter.launchId());
        equal(where, parameters, "parentId", filter.parentId());
        equal(where, parameters, "type", filter.type());
        equal(where, parameters, "severity", filter.severity());
        equal(where, parameters, "state", filter.state());
        if (filter.sla() != null) {
            Instant now = clock.instant();
            if (filter.sla() == SlaStanding.AT_RISK) {
                Ticket.Condition atRisk = Ticket.atRisk(now, sla.atRiskAfter());
                where.add(atRisk.hql());
                parameters.putAll(atRisk.parameters());
            } else {
                parameters.put("now", now);
                where.add("resolveBy is not null and ((resolvedAt is null and resolveBy <= :now) or resolvedAt > resolveBy)");
            }
        }
        Sort newestFirst = Sort.descending("reportedAt").and("id");
        PanacheQuery<Ticket> query = where.length() == 0
                ? Ticket.findAll(newestFirst)
                : Ticket.find(where.toString(), newestFirst, parameters);
        return new Slice(query.page(Page.of(page, size)).list(), query.count());
    }

    private static void equal(StringJoiner where, Map<String, Object> parameters, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            parameters.put(field, value);
        }
    }
}
