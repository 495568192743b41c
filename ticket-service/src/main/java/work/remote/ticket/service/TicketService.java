package work.remote.ticket.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import work.remote.events.ticket.Impact;
import work.remote.events.ticket.TicketType;
import work.remote.platform.caller.Caller;
import work.remote.platform.links.Links;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.ProblemException;
import work.remote.ticket.Actor;
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
    private final Links links;

    /** What a reporter tells about a problem, request or question; {@code parentId} and {@code links} may be null. */
    public record Report(String title, String description, TicketType type, Impact impact, String impactDetail,
            int affectedUsers, UUID parentId, List<String> links) {
    }

    /** Move a ticket to {@code to}; the note (may be null) goes into its timeline; resolving, it is the resolution. */
    public record Transition(TicketState to, String note) {
    }

    @Inject
    public TicketService(Outbox outbox, Clock clock, TicketConfig config, Links links) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.links = links;
    }

    /**
     * Stores the ticket and, in the same transaction, its {@code TicketOpened} and, when critical,
     * {@code CriticalIssueReported}. A child ticket belongs to its parent's launch.
     */
    @Transactional
    public Ticket report(Report report, Caller reporter) {
        Ticket ticket = Ticket.report(report.type(), report.title(), report.description(), report.impact(),
                report.impactDetail(), report.affectedUsers(), Actor.of(reporter), clock.instant(),
                config.sla().criticalResolveWithin());
        if (report.parentId() != null) {
            Ticket parent = Ticket.findById(report.parentId());
            if (parent == null) {
                throw ProblemException.invalid("parentId", "no ticket " + report.parentId());
            }
            ticket.fileUnder(parent);
        }
        ticket.links = report.links() == null ? List.of() : List.copyOf(report.links());
        return open(ticket);
    }

    /** Opens the ticket under which CS files a live launch's feedback. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket openParentFeedbackTicket(Launch launch, Actor product) {
        return open(Ticket.feedbackParentOf(launch, product, clock.instant()));
    }

    private Ticket open(Ticket ticket) {
        ticket.persist();
        TicketChange.record(ticket.id, ticket.reportedAt, new Actor(ticket.reporter, ticket.reporterName), "REPORTED",
                ticket.severity + " " + ticket.type + ", impact " + ticket.impact);
        String link = linkTo(ticket);
        outbox.publishOfCreated(ticket.openedEvent(link), ticket.id);
        if (ticket.isCritical()) {
            outbox.publishOfCreated(ticket.criticalIssueReportedEvent(link), ticket.id);
        }
        return ticket;
    }

    @Transactional
    public TicketComment comment(UUID id, String body, Caller author) {
        Ticket ticket = find(id);
        TicketComment comment = TicketComment.write(ticket.id, Actor.of(author), body, clock.instant());
        comment.persist();
        TicketChange.record(ticket.id, comment.at, Actor.of(author), "COMMENTED", body.length() > 200
                ? body.substring(0, 200) + "…" : body);
        outbox.publish(ticket.commentedEvent(comment, linkTo(ticket)));
        return comment;
    }

    /**
     * Gives the ticket to the person with the id {@code assignee}, or to nobody when null; {@code expectedRevision},
     * when given, must be the ticket's current revision.
     */
    @Transactional
    public Ticket assign(UUID id, String assignee, Long expectedRevision, Caller actor) {
        Ticket ticket = lock(id);
        ticket.requireRevision(expectedRevision);
        String previous = ticket.assignee;
        ticket.assign(assignee, actor);
        TicketChange.record(ticket.id, clock.instant(), Actor.of(actor), "ASSIGNED",
                (previous == null ? "nobody" : previous) + " → " + (assignee == null ? "nobody" : assignee));
        return ticket;
    }

    /**
     * Moves a ticket along its workflow, records it in the timeline, and announces the move ({@code
     * TicketStatusChanged}) and a resolution ({@code TicketResolved}).
     */
    @Transactional
    public Ticket transition(UUID id, Transition transition, Caller actor) {
        Ticket ticket = lock(id);
        ticket.learnNameOf(actor);
        move(ticket, transition.to(), transition.note(), actor, clock.instant());
        return ticket;
    }

    /** What an acknowledgement did: the ticket, and whether it moved (false when that person had taken it on). */
    public record Acknowledgement(Ticket ticket, boolean changed) {
    }

    /**
     * {@code person} takes the ticket on: one move to IN_PROGRESS (from OPEN, TRIAGED or REOPENED) with them as
     * assignee, announced as acknowledged. Their second acknowledgement changes nothing; someone else's is refused
     * naming who took it on.
     */
    @Transactional
    public Acknowledgement acknowledge(UUID id, Caller person) {
        Ticket ticket = lock(id);
        if (!ticket.awaitsAcknowledgementBy(person)) {
            return new Acknowledgement(ticket, false);
        }
        Instant now = clock.instant();
        TicketState from = ticket.state;
        ticket.acknowledge(person, now);
        TicketChange.record(ticket.id, now, Actor.of(person), "ACKNOWLEDGED", "taken on by " + person);
        announce(ticket, from, "acknowledged", true, person, now);
        return new Acknowledgement(ticket, true);
    }

    private void move(Ticket ticket, TicketState target, String note, Caller actor, Instant now) {
        TicketState from = ticket.state;
        ticket.moveTo(target, now);
        announce(ticket, from, note, false, actor, now);
    }

    /** Records the move the ticket just made from {@code from} in its timeline and announces it. */
    private void announce(Ticket ticket, TicketState from, String note, boolean acknowledged, Caller actor,
            Instant now) {
        TicketState target = ticket.state;
        TicketChange.record(ticket.id, now, Actor.of(actor), target.name(),
                from + " → " + target + (note == null ? "" : ": " + note));
        String link = linkTo(ticket);
        outbox.publish(ticket.statusChangedEvent(from, acknowledged, note, actor.id(), now, link));
        if (target == TicketState.RESOLVED) {
            outbox.publish(ticket.resolvedEvent(note == null ? "resolved" : note, actor.id(), link));
        }
    }

    public Ticket find(UUID id) {
        Ticket ticket = Ticket.findById(id);
        if (ticket == null) {
            throw ProblemException.notFound("Ticket", id);
        }
        return ticket;
    }

    /** One page of everything that happened to the ticket, oldest first. */
    public Page<TicketChange> timeline(UUID id, PageRequest page) {
        find(id);
        return Page.of(TicketChange.timelineOf(id), page);
    }

    /** One page of the ticket's comments, oldest first. */
    public Page<TicketComment> comments(UUID id, PageRequest page) {
        find(id);
        return Page.of(TicketComment.of(id), page);
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
        return links.to("tickets", ticket.id);
    }
}
