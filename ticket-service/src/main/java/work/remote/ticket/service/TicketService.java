package work.remote.ticket.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import work.remote.platform.outbox.Outbox;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.Impact;
import work.remote.events.ticket.TicketOpened;
import work.remote.events.ticket.TicketResolved;
import work.remote.events.ticket.TicketType;
import work.remote.platform.problem.ProblemException;
import work.remote.ticket.Launch;
import work.remote.ticket.Ticket;
import work.remote.ticket.TicketChange;
import work.remote.ticket.TicketComment;
import work.remote.ticket.TicketState;
import work.remote.ticket.config.TicketConfig;

@ApplicationScoped
public class TicketService {

    private final Outbox outbox;
    private final Clock clock;
    private final TicketConfig config;

    /** What a reporter tells about a problem, request or question; {@code parentId} and {@code links} may be null. */
    public record Report(String title, String description, TicketType type, Impact impact, String impactDetail,
            int affectedUsers, UUID parentId, List<String> links) {
    }

    @Inject
    public TicketService(Outbox outbox, Clock clock, TicketConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Stores the ticket and, in the same transaction, its {@code TicketOpened} and, when critical,
     * {@code CriticalIssueReported}. A child ticket belongs to its parent's launch.
     */
    @Transactional
    public Ticket report(Report report, String reporter) {
        Ticket ticket = Ticket.report(report.type(), report.title(), report.description(), report.impact(),
                report.impactDetail(), report.affectedUsers(), reporter, clock.instant(),
                config.sla().criticalResolveWithin());
        if (report.parentId() != null) {
            Ticket parent = Ticket.findById(report.parentId());
            if (parent == null) {
                throw ProblemException.invalid("parentId", "no ticket " + report.parentId());
            }
            ticket.parentId = parent.id;
            ticket.launchId = parent.launchId;
        }
        ticket.links = report.links() == null ? List.of() : List.copyOf(report.links());
        return open(ticket);
    }

    /** Opens the ticket under which CS files a live launch's feedback. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket openParentFeedbackTicket(Launch launch, String product) {
        Ticket parent = Ticket.report(TicketType.REQUEST, "Feedback on the launch of " + launch.feature,
                "File every bug report, user request and question about " + launch.feature + " as a child of this "
                        + "ticket and post its link in " + launch.csChannel + ". Rules: " + launch.rulesDocumentLink,
                Impact.NONE, null, 0, product, clock.instant(), config.sla().criticalResolveWithin());
        parent.launchId = launch.id;
        return open(parent);
    }

    private Ticket open(Ticket ticket) {
        ticket.persist();
        TicketChange.record(ticket.id, ticket.reportedAt, ticket.reporter, "REPORTED",
                ticket.severity + " " + ticket.type + ", impact " + ticket.impact);
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

    @Transactional
    public TicketComment comment(UUID id, String body, String author) {
        Ticket ticket = find(id);
        TicketComment comment = new TicketComment();
        comment.id = UUID.randomUUID();
        comment.ticketId = ticket.id;
        comment.author = author;
        comment.body = body;
        comment.at = clock.instant();
        comment.persist();
        TicketChange.record(ticket.id, comment.at, author, "COMMENTED", body.length() > 200
                ? body.substring(0, 200) + "…" : body);
        return comment;
    }

    /** Gives the ticket to {@code assignee}, or to nobody when null. */
    @Transactional
    public Ticket assign(UUID id, String assignee, String actor) {
        Ticket ticket = lock(id);
        String previous = ticket.assignee;
        ticket.assignee = assignee;
        TicketChange.record(ticket.id, clock.instant(), actor, "ASSIGNED",
                (previous == null ? "nobody" : previous) + " → " + (assignee == null ? "nobody" : assignee));
        return ticket;
    }

    /** Moves a ticket along its workflow, records it in the timeline, and announces a resolution. */
    @Transactional
    public Ticket transition(UUID id, TicketState target, String note, String actor) {
        Ticket ticket = lock(id);
        TicketState from = ticket.state;
        Instant now = clock.instant();
        ticket.moveTo(target, now);
        TicketChange.record(ticket.id, now, actor, target.name(), from + " → " + target + (note == null ? "" : ": " + note));
        if (target == TicketState.RESOLVED) {
            outbox.publish(new TicketResolved(ticket.id, ticket.launchId, ticket.parentId, ticket.title, ticket.type,
                    ticket.severity, note == null ? "resolved" : note, actor, ticket.reportedAt, ticket.resolvedAt,
                    ticket.resolvedWithinSla(), linkTo(ticket)));
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

    /** Concurrent changes to one ticket wait for each other, so the second sees the first's result. */
    private Ticket lock(UUID id) {
        Ticket ticket = Ticket.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null) {
            throw ProblemException.notFound("Ticket", id);
        }
        return ticket;
    }

    public String linkTo(Ticket ticket) {
        return linkToTicket(ticket.id);
    }

    public String linkToTicket(UUID id) {
        return config.publicUrl() + "/tickets/" + id;
    }
}
