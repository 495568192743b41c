package work.remote.ticket.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import work.remote.events.outbox.Outbox;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.TicketOpened;
import work.remote.problem.ProblemException;
import work.remote.ticket.Ticket;
import work.remote.ticket.config.TicketConfig;
import work.remote.ticket.rest.CreateTicketRequest;

@ApplicationScoped
public class TicketService {

    private final Outbox outbox;
    private final Clock clock;
    private final TicketConfig config;

    @Inject
    public TicketService(Outbox outbox, Clock clock, TicketConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** Stores the ticket and, in the same transaction, its {@code TicketOpened} and, when critical, {@code CriticalIssueReported}. */
    @Transactional
    public Ticket report(CreateTicketRequest request, String reporter) {
        Ticket ticket = Ticket.report(request.type(), request.title(), request.description(), request.impact(),
                request.impactDetail(), request.affectedUsers(), reporter, clock.instant(),
                config.sla().criticalResolveWithin());
        ticket.persist();
        String link = linkTo(ticket);
        outbox.publish(new TicketOpened(ticket.id, ticket.launchId, ticket.parentId, ticket.title, ticket.type,
                ticket.severity, ticket.impact, ticket.affectedUsers, ticket.reporter, ticket.reportedAt, link));
        if (ticket.isCritical()) {
            outbox.publish(new CriticalIssueReported(ticket.id, ticket.launchId, ticket.title, ticket.impact,
                    ticket.impactDetail, ticket.affectedUsers, ticket.reporter, ticket.reportedAt, ticket.resolveBy,
                    link));
        }
        return ticket;
    }

    public Ticket find(UUID id) {
        Ticket ticket = Ticket.findById(id);
        if (ticket == null) {
            throw ProblemException.notFound("Ticket", id);
        }
        return ticket;
    }

    public String linkTo(Ticket ticket) {
        return config.publicUrl() + "/tickets/" + ticket.id;
    }
}
