package work.remote.ticket.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.panache.common.Sort;

import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketType;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.query.Criteria;
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

    /**
     * The filters a caller gave; null ones match every ticket. {@code resolved} false keeps the tickets not resolved
     * (or reopened) yet, true those resolved.
     */
    public record Filter(UUID launchId, UUID parentId, TicketType type, Severity severity, TicketState state,
            SlaStanding sla, Boolean resolved) {
    }

    private final Clock clock;
    private final TicketConfig.Sla sla;

    @Inject
    public TicketSearch(Clock clock, TicketConfig config) {
        this.clock = clock;
        this.sla = config.sla();
    }

    /** The tickets matching {@code filter}, newest report first. */
    public Page<Ticket> find(Filter filter, PageRequest page) {
        Criteria where = Criteria.where()
                .equal("launchId", filter.launchId())
                .equal("parentId", filter.parentId())
                .equal("type", filter.type())
                .equal("severity", filter.severity())
                .equal("state", filter.state())
                .when(Boolean.FALSE.equals(filter.resolved()), "resolvedAt is null")
                .when(Boolean.TRUE.equals(filter.resolved()), "resolvedAt is not null");
        if (filter.sla() != null) {
            Criteria standing = standing(filter.sla(), clock.instant());
            where.add(standing.query(), standing.parameters());
        }
        return Page.of(Ticket.find(where.query(), Sort.descending("reportedAt").and("id"), where.parameters()), page);
    }

    private Criteria standing(SlaStanding standing, Instant now) {
        return switch (standing) {
            case AT_RISK -> Ticket.atRisk(now, sla.atRiskAfter());
            case BREACHED -> Ticket.breached(now);
        };
    }
}
