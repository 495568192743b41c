package work.remote.meeting.service;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import work.remote.events.meeting.Invitee;
import work.remote.events.meeting.MeetingKind;
import work.remote.events.meeting.MeetingSubject;
import work.remote.events.process.ProcessReviewRequested;
import work.remote.events.ticket.LaunchClosed;
import work.remote.meeting.AfterActionReview;
import work.remote.meeting.Agenda;
import work.remote.meeting.Meeting;
import work.remote.meeting.MeetingLimits;
import work.remote.meeting.MeetingPlan;
import work.remote.meeting.ParkingLotItem;
import work.remote.meeting.SessionPlanner;
import work.remote.meeting.Subject;
import work.remote.meeting.config.MeetingConfig;
import work.remote.platform.caller.Caller;
import work.remote.platform.links.Links;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;

/**
 * Plans meetings within the limits of their kind, with a generated agenda, and announces each with
 * {@code MeetingScheduled}: one meeting as asked, or sessions split from a larger invitee list, from the API or
 * from a process review request or a closed launch.
 */
@ApplicationScoped
public class MeetingPlanner {

    /**
     * A meeting someone asks for, before its limits are checked: {@code startsAt} is a wall-clock time in {@code zone}
     * (an IANA id); {@code title}, {@code host}, {@code presentationMinutes} and {@code joinLink} may be left to their
     * defaults. People (host, invitees, supervisors) are named by their person ids.
     */
    public record Proposal(MeetingKind kind, MeetingSubject subject, String title, String host,
            LocalDateTime startsAt, String zone, int durationMinutes, Integer presentationMinutes, String joinLink,
            String materialLink, List<Invitee> invitees, boolean mixSmallGroups) {
    }

    private static final String CS = "CS";

    private final Outbox outbox;
    private final Links links;
    private final MeetingConfig config;
    private final SubjectCatalog subjects;
    private final Recipients recipients;

    @Inject
    public MeetingPlanner(Outbox outbox, Links links, MeetingConfig config, SubjectCatalog subjects,
            Recipients recipients) {
        this.outbox = outbox;
        this.links = links;
        this.config = config;
        this.subjects = subjects;
        this.recipients = recipients;
    }

    /**
     * Plans exactly the meeting asked for, refused when it is too large or too long for its kind, about a subject no
     * event announced, or naming someone mail may not reach.
     */
    @Transactional
    public Meeting planOne(Proposal proposal, Caller caller) {
        MeetingPlan plan = validPlan(proposal, caller);
        return schedule(plan, List.of(new SessionPlanner.Session(null, proposal.invitees()))).get(0);
    }

    /**
     * Splits the invitees into sessions of the kind's size, one function group each (small groups share one only
     * when the proposal asks to mix them), one after another.
     */
    @Transactional
    public List<Meeting> planSessions(Proposal proposal, Caller caller) {
        MeetingPlan plan = validPlan(proposal, caller);
        return scheduleSessions(plan, proposal.invitees());
    }

    /**
     * Discussion sessions for everyone involved in a process draft, hosted by whoever asked for the review; refused
     * for a process that process-service never announced (or retired).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Meeting> planReviewDiscussions(ProcessReviewRequested review) {
        MeetingSubject subject = MeetingSubject.process(review.processId(), review.title(), null);
        subjects.refusal(subject).ifPresent(refusal -> {
            throw ProblemException.invalid(List.of(refusal));
        });
        Map<String, Invitee> byPerson = new LinkedHashMap<>();
        review.participants().forEach(participant -> byPerson.putIfAbsent(participant.person(),
                new Invitee(participant.person(), participant.functionGroup(), participant.supervisor())));
        int minutes = config.automatic().discussionMinutes();
        MeetingPlan plan = new MeetingPlan(MeetingKind.DISCUSSION, subject, null, review.requestedBy(), null,
                automaticStart(review.requestedAt()), automaticZone(), minutes,
                Agenda.defaultPresentationMinutes(minutes), null, review.link(), review.smallGroupsMayShareASession());
        return scheduleSessions(plan, List.copyOf(byPerson.values()));
    }

    /**
     * The after-action review of a closed launch, hosted by its product owner, with the CS lead (whose absence
     * the product owner relays) and the CS agents (whose absence the CS lead relays). The launch is a known subject:
     * {@code LaunchClosed} itself announces it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Meeting> planLaunchReview(LaunchClosed launch) {
        Map<String, Invitee> byPerson = new LinkedHashMap<>();
        byPerson.put(launch.csLead(), new Invitee(launch.csLead(), CS, launch.productOwner()));
        launch.csAgents().forEach(agent -> byPerson.putIfAbsent(agent, new Invitee(agent, CS, launch.csLead())));
        int minutes = config.automatic().retrospectiveMinutes();
        MeetingPlan plan = new MeetingPlan(MeetingKind.RETROSPECTIVE, MeetingSubject.launch(launch.launchId(), launch.feature()),
                null, launch.productOwner(), null, automaticStart(launch.closedAt()), automaticZone(), minutes,
                Agenda.defaultPresentationMinutes(minutes), null, launch.link(), false);
        return scheduleSessions(plan, List.copyOf(byPerson.values()));
    }

    private List<Meeting> scheduleSessions(MeetingPlan plan, List<Invitee> invitees) {
        return schedule(plan, SessionPlanner.plan(plan.host(), invitees, MeetingLimits.of(plan.kind()).maxParticipants(),
                plan.mixSmallGroups()));
    }

    private List<Meeting> schedule(MeetingPlan plan, List<SessionPlanner.Session> sessions) {
        MeetingLimits limits = MeetingLimits.of(plan.kind());
        for (SessionPlanner.Session session : sessions) {
            limits.check(Meeting.participants(plan.host(), session.invitees()), plan.durationMinutes());
        }
        List<ParkingLotItem> openItems = ParkingLotItem.openFor(Subject.of(plan.subject()));
        Duration stagger = Duration.ofMinutes(plan.durationMinutes()).plus(config.sessionGap());
        List<Meeting> meetings = new ArrayList<>();
        for (int index = 0; index < sessions.size(); index++) {
            Meeting meeting = Meeting.plan(plan, index + 1, sessions.size(),
                    plan.startsAt().plus(stagger.multipliedBy(index)), sessions.get(index), openItems,
                    config.roomUrl());
            meeting.persist();
            if (meeting.kind == MeetingKind.RETROSPECTIVE) {
                AfterActionReview.pendingFor(meeting).persist();
            }
            outbox.publish(meeting.scheduledEvent(links.to("meetings", meeting.id)));
            meetings.add(meeting);
        }
        return meetings;
    }

    private Instant automaticStart(Instant after) {
        ZonedDateTime earliest = after.plus(config.automatic().leadTime()).atZone(automaticZone());
        ZonedDateTime hour = earliest.truncatedTo(ChronoUnit.HOURS);
        return (hour.isBefore(earliest) ? hour.plusHours(1) : hour).toInstant();
    }

    private ZoneId automaticZone() {
        return ZoneId.of(config.automatic().zone());
    }

    /** The plan a proposal asks for; every problem with it (invitees included) is refused at once, each by field. */
    private MeetingPlan validPlan(Proposal proposal, Caller caller) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (proposal.kind() == MeetingKind.TRAINING && proposal.subject().kind() != MeetingSubject.Kind.LAUNCH) {
            violations.add(new Problem.Violation("subject.kind", "a TRAINING meeting prepares a LAUNCH"));
        }
        subjects.refusal(proposal.subject()).ifPresent(violations::add);
        String host = proposal.host() == null || proposal.host().isBlank() ? caller.id() : proposal.host();
        recipients.check("host", host, violations);
        ZoneId zone = null;
        try {
            zone = ZoneId.of(proposal.zone());
        } catch (DateTimeException e) {
            violations.add(new Problem.Violation("startsAt.zone", "'" + proposal.zone()
                    + "' is not a time zone; use an IANA id such as Europe/Berlin"));
        }
        if (zone != null && zone.getRules().getValidOffsets(proposal.startsAt()).isEmpty()) {
            violations.add(new Problem.Violation("startsAt.at", proposal.startsAt() + " does not exist in "
                    + zone + " (the clocks skip it)"));
        }
        int duration = proposal.durationMinutes();
        int presentation = proposal.presentationMinutes() == null ? Agenda.defaultPresentationMinutes(duration)
                : proposal.presentationMinutes();
        if (duration >= MeetingLimits.MIN_MINUTES
                && presentation + Agenda.READING_MINUTES + Agenda.MIN_DISCUSSION_MINUTES > duration) {
            violations.add(new Problem.Violation("presentationMinutes", "a " + duration + "-minute meeting leaves "
                    + "room for at most " + (duration - Agenda.READING_MINUTES - Agenda.MIN_DISCUSSION_MINUTES)
                    + " minutes of presentation"));
        }
        checkInvitees(proposal.invitees(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return new MeetingPlan(proposal.kind(), proposal.subject(), proposal.title(), host,
                caller.is(host) ? caller.name() : null, proposal.startsAt().atZone(zone).toInstant(), zone, duration,
                presentation, proposal.joinLink(), proposal.materialLink(), proposal.mixSmallGroups());
    }

    /** Nobody invited twice, and nobody (invitee or supervisor) whom mail may not reach. */
    private void checkInvitees(List<Invitee> invitees, List<Problem.Violation> violations) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < invitees.size(); i++) {
            Invitee invitee = invitees.get(i);
            if (!seen.add(invitee.person())) {
                violations.add(new Problem.Violation("invitees[" + i + "].person", invitee.person() + " is invited twice"));
            }
            recipients.check("invitees[" + i + "].person", invitee.person(), violations);
            recipients.check("invitees[" + i + "].supervisor", invitee.supervisor(), violations);
        }
    }
}
