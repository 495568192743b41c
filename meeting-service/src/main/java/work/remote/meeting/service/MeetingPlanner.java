package work.remote.meeting.service;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import work.remote.events.meeting.Invitee;
import work.remote.events.meeting.MeetingKind;
import work.remote.events.meeting.MeetingScheduled;
import work.remote.events.meeting.MeetingSubject;
import work.remote.platform.outbox.Outbox;
import work.remote.events.process.ProcessReviewRequested;
import work.remote.events.ticket.LaunchClosed;
import work.remote.meeting.AfterActionReview;
import work.remote.meeting.Agenda;
import work.remote.meeting.AgendaSlot;
import work.remote.meeting.Caller;
import work.remote.meeting.Invitation;
import work.remote.meeting.Meeting;
import work.remote.meeting.MeetingLimits;
import work.remote.meeting.MeetingState;
import work.remote.meeting.ParkingLotItem;
import work.remote.meeting.SessionPlanner;
import work.remote.meeting.Subject;
import work.remote.meeting.config.MeetingConfig;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;

/**
 * Plans meetings within the limits of their kind, with a generated agenda, and announces each with
 * {@code MeetingScheduled}: one meeting as asked, or sessions split from a larger invitee list, from the API or
 * from a process review request or a closed launch.
 */
@ApplicationScoped
public class MeetingPlanner {

    /** What every session planned together shares. */
    record Plan(MeetingKind kind, MeetingSubject subject, String title, String host, Instant startsAt, ZoneId zone,
            int durationMinutes, int presentationMinutes, String joinLink, String materialLink) {
    }

    private static final String CS = "CS";

    private final Outbox outbox;
    private final Links links;
    private final MeetingConfig config;

    @Inject
    public MeetingPlanner(Outbox outbox, Links links, MeetingConfig config) {
        this.outbox = outbox;
        this.links = links;
        this.config = config;
    }

    /** Plans exactly the meeting asked for, refused when it is too large or too long for its kind. */
    @Transactional
    public Meeting planOne(MeetingProposal proposal, Caller caller) {
        Plan plan = validPlan(proposal, caller);
        return schedule(plan, List.of(validInvitees(proposal))).get(0);
    }

    /** Splits the invitees into sessions of the kind's size, grouped by function, one after another. */
    @Transactional
    public List<Meeting> planSessions(MeetingProposal proposal, Caller caller) {
        Plan plan = validPlan(proposal, caller);
        return scheduleSessions(plan, validInvitees(proposal));
    }

    /** Discussion sessions for everyone involved in a process draft, hosted by whoever asked for the review. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Meeting> planReviewDiscussions(ProcessReviewRequested review) {
        Map<String, Invitee> byPerson = new LinkedHashMap<>();
        review.participants().forEach(participant -> byPerson.putIfAbsent(participant.person(),
                new Invitee(participant.person(), participant.functionGroup(), participant.supervisor())));
        int minutes = config.automatic().discussionMinutes();
        Plan plan = new Plan(MeetingKind.DISCUSSION, MeetingSubject.process(review.processId(), review.title(), null),
                null, review.requestedBy(), automaticStart(review.requestedAt()), automaticZone(), minutes,
                Agenda.defaultPresentationMinutes(minutes), null, review.link());
        return scheduleSessions(plan, List.copyOf(byPerson.values()));
    }

    /**
     * The after-action review of a closed launch, hosted by its product owner, with the CS lead (whose absence
     * the product owner relays) and the CS agents (whose absence the CS lead relays).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Meeting> planLaunchReview(LaunchClosed launch) {
        Map<String, Invitee> byPerson = new LinkedHashMap<>();
        byPerson.put(launch.csLead(), new Invitee(launch.csLead(), CS, launch.productOwner()));
        launch.csAgents().forEach(agent -> byPerson.putIfAbsent(agent, new Invitee(agent, CS, launch.csLead())));
        int minutes = config.automatic().retrospectiveMinutes();
        Plan plan = new Plan(MeetingKind.RETROSPECTIVE, MeetingSubject.launch(launch.launchId(), launch.feature()),
                null, launch.productOwner(), automaticStart(launch.closedAt()), automaticZone(), minutes,
                Agenda.defaultPresentationMinutes(minutes), null, launch.link());
        return scheduleSessions(plan, List.copyOf(byPerson.values()));
    }

    private List<Meeting> scheduleSessions(Plan plan, List<Invitee> invitees) {
        return schedule(plan, SessionPlanner.plan(plan.host(), invitees, MeetingLimits.of(plan.kind()).maxParticipants()));
    }

    private List<Meeting> schedule(Plan plan, List<List<Invitee>> sessions) {
        MeetingLimits limits = MeetingLimits.of(plan.kind());
        for (List<Invitee> session : sessions) {
            limits.check(Meeting.participants(plan.host(), session), plan.durationMinutes());
        }
        Subject subject = Subject.of(plan.subject());
        List<ParkingLotItem> openItems = ParkingLotItem.openFor(subject);
        Duration stagger = Duration.ofMinutes(plan.durationMinutes()).plus(config.sessionGap());
        List<Meeting> meetings = new ArrayList<>();
        for (int index = 0; index < sessions.size(); index++) {
            Meeting meeting = new Meeting();
            meeting.id = UUID.randomUUID();
            meeting.kind = plan.kind();
            meeting.subject = Subject.of(plan.subject());
            meeting.sessionNumber = index + 1;
            meeting.sessionCount = sessions.size();
            meeting.title = titleOf(plan, meeting.sessionNumber, meeting.sessionCount);
            meeting.host = plan.host();
            meeting.startsAt = plan.startsAt().plus(stagger.multipliedBy(index));
            meeting.timeZone = plan.zone().getId();
            meeting.durationMinutes = plan.durationMinutes();
            meeting.joinLink = plan.joinLink() == null ? links.room(meeting.id) : plan.joinLink();
            meeting.materialLink = plan.materialLink();
            meeting.state = MeetingState.SCHEDULED;
            sessions.get(index).forEach(invitee -> meeting.invitees.add(Invitation.of(invitee)));
            meeting.agenda.addAll(Agenda.generate(plan.durationMinutes(), plan.presentationMinutes(),
                    plan.subject().title(), plan.materialLink(), openItems));
            meeting.persist();
            if (meeting.kind == MeetingKind.RETROSPECTIVE) {
                AfterActionReview.pendingFor(meeting).persist();
            }
            outbox.publish(scheduled(meeting));
            meetings.add(meeting);
        }
        return meetings;
    }

    private MeetingScheduled scheduled(Meeting meeting) {
        return new MeetingScheduled(meeting.id, meeting.kind, meeting.subject.toEvent(), meeting.title, meeting.host,
                meeting.startsAt, meeting.durationMinutes, meeting.timeZone, meeting.joinLink, meeting.materialLink,
                meeting.sessionNumber, meeting.sessionCount,
                meeting.invitees.stream().map(Invitation::toEvent).toList(),
                meeting.agenda.stream().map(AgendaSlot::toEvent).toList(), links.meeting(meeting.id));
    }

    private static String titleOf(Plan plan, int sessionNumber, int sessionCount) {
        String title = plan.title() != null ? plan.title() : switch (plan.kind()) {
            case DISCUSSION -> "Discussion of " + plan.subject().title();
            case TRAINING -> "Training for " + plan.subject().title();
            case RETROSPECTIVE -> "After-action review of " + plan.subject().title();
        };
        return sessionCount == 1 ? title : title + " (session " + sessionNumber + " of " + sessionCount + ")";
    }

    private Instant automaticStart(Instant after) {
        ZonedDateTime earliest = after.plus(config.automatic().leadTime()).atZone(automaticZone());
        ZonedDateTime hour = earliest.truncatedTo(ChronoUnit.HOURS);
        return (hour.isBefore(earliest) ? hour.plusHours(1) : hour).toInstant();
    }

    private ZoneId automaticZone() {
        return ZoneId.of(config.automatic().zone());
    }

    private static Plan validPlan(MeetingProposal proposal, Caller caller) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (proposal.kind() == MeetingKind.TRAINING && proposal.subject().kind() != MeetingSubject.Kind.LAUNCH) {
            violations.add(new Problem.Violation("subject.kind", "a TRAINING meeting prepares a LAUNCH"));
        }
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
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        String host = proposal.host() == null || proposal.host().isBlank() ? caller.name() : proposal.host();
        return new Plan(proposal.kind(), proposal.subject(), proposal.title(), host,
                proposal.startsAt().atZone(zone).toInstant(), zone, duration, presentation, proposal.joinLink(),
                proposal.materialLink());
    }

    private static List<Invitee> validInvitees(MeetingProposal proposal) {
        Set<String> seen = new HashSet<>();
        List<Problem.Violation> duplicates = new ArrayList<>();
        List<Invitee> invitees = proposal.invitees();
        for (int i = 0; i < invitees.size(); i++) {
            if (!seen.add(invitees.get(i).person())) {
                duplicates.add(new Problem.Violation("invitees[" + i + "].person",
                        invitees.get(i).person() + " is invited twice"));
            }
        }
        if (!duplicates.isEmpty()) {
            throw ProblemException.invalid(duplicates);
        }
        return invitees;
    }
}
