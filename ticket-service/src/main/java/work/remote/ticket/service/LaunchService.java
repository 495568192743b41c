package work.remote.ticket.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import work.remote.events.ticket.Gate;
import work.remote.events.ticket.LaunchState;
import work.remote.events.ticket.LaunchStatusPosted.Phase;
import work.remote.platform.caller.Caller;
import work.remote.platform.links.Links;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;
import work.remote.ticket.Actor;
import work.remote.ticket.FeedbackSummary;
import work.remote.ticket.Launch;
import work.remote.ticket.LaunchChange;
import work.remote.ticket.LaunchRecords;
import work.remote.ticket.OnboardingParticipation;
import work.remote.ticket.PassedGate;
import work.remote.ticket.RuleChange;
import work.remote.ticket.StatusPost;
import work.remote.ticket.Ticket;
import work.remote.ticket.TrainingKit;
import work.remote.ticket.TrainingRecord;
import work.remote.ticket.TrainingRecord.Outcome;

/**
 * Runs a launch from planning to closing. Every write locks the launch row, so gates pass, and their
 * {@code LaunchGatePassed} events are written, once, whichever request or event completes them.
 */
@ApplicationScoped
public class LaunchService {

    private static final Actor MEETING_SERVICE = Actor.service("meeting-service");

    private final Outbox outbox;
    private final Clock clock;
    private final Links links;
    private final LaunchGates gates;
    private final TicketService tickets;
    private final LaunchFeedback feedback;

    /** A launch product plans with customer support, at a local time in {@code timeZone}. */
    public record Plan(String feature, LocalDateTime plannedLaunchAt, String timeZone, String productOwner,
            String csLead, List<String> csAgents, String csChannel, String rulesDocumentLink) {
    }

    /** {@code person} (the caller when null) took part in the final onboarding round and found these questions. */
    public record Participation(String person, List<String> userQuestions) {

        public Participation {
            userQuestions = userQuestions == null ? List.of() : List.copyOf(userQuestions);
        }
    }

    /** A training: who attended and who missed it; {@code meetingId} is null when not held in meeting-service. */
    public record TrainingHeld(UUID meetingId, List<String> attendees, List<String> absentees) {
    }

    /** Start the launch; with open gates only when {@code overrideOpenGates}, for the given reason. */
    public record Start(boolean overrideOpenGates, String reason) {

        public static final Start WITH_GATES_PASSED = new Start(false, null);
    }

    /** A deployment status for the CS channel; {@code expectedSymptoms} may be null. */
    public record StatusUpdate(Phase phase, String message, List<String> expectedSymptoms) {
    }

    /** A newer version of the rules document; the current link stays when {@code rulesDocumentLink} is null. */
    public record NewRules(String summary, int documentVersion, String rulesDocumentLink) {
    }

    @Inject
    public LaunchService(Outbox outbox, Clock clock, Links links, LaunchGates gates, TicketService tickets,
            LaunchFeedback feedback) {
        this.outbox = outbox;
        this.clock = clock;
        this.links = links;
        this.gates = gates;
        this.tickets = tickets;
        this.feedback = feedback;
    }

    @Transactional
    public Launch plan(Plan plan, Caller caller) {
        Launch launch = Launch.plan(plan.feature(), plan.plannedLaunchAt(), plan.timeZone(), plan.productOwner(),
                plan.csLead(), plan.csAgents(), plan.csChannel(), plan.rulesDocumentLink(), clock.instant());
        launch.persist();
        audit(launch, Actor.of(caller), "PLANNED", launch.feature + " at " + launch.plannedLaunchLocal());
        outbox.publish(launch.plannedEvent(linkTo(launch)));
        return launch;
    }

    /** Product says this onboarding round is the final one: no big rule changes are left. */
    @Transactional
    public Launch confirmFinalRound(UUID id, Caller caller) {
        Launch launch = lock(id);
        if (launch.confirmFinalRound(caller.id(), clock.instant())) {
            audit(launch, Actor.of(caller), "FINAL_ROUND_CONFIRMED", "no big rule changes left");
            reviewGates(launch, Actor.of(caller));
        }
        return launch;
    }

    /**
     * Records that someone of the CS team took part in the final onboarding round; a second record adds their
     * questions. An agent records only their own part; the CS lead, product or an admin may record anyone's.
     */
    @Transactional
    public Launch recordParticipation(UUID id, Participation participation, Caller caller) {
        String person = participation.person() == null ? caller.id() : participation.person();
        if (!caller.is(person) && !caller.hasAnyRole("cs-lead", "product", Caller.ADMIN)) {
            throw ProblemException.forbidden("not-your-participation", "Only your own participation",
                    "A CS agent records only their own part in the onboarding round");
        }
        Launch launch = lock(id);
        launch.requireNotStarted("record onboarding");
        launch.requireFinalRoundConfirmed();
        launch.requireCsTeam(person);
        Actor participant = caller.is(person) ? Actor.of(caller) : Actor.person(person);
        OnboardingParticipation.record(id, participant, participation.userQuestions(), caller.id(), clock.instant());
        audit(launch, Actor.of(caller), "ONBOARDING_ATTENDED",
                person + " took part, " + participation.userQuestions().size() + " user question(s)");
        reviewGates(launch, Actor.of(caller));
        return launch;
    }

    /** Replaces the training kit; {@code expectedRevision}, when given, must be the launch's current revision. */
    @Transactional
    public Launch saveTrainingKit(UUID id, TrainingKit kit, Long expectedRevision, Caller caller) {
        Launch launch = lock(id);
        launch.requireRevision(expectedRevision);
        launch.requireNotClosed("change its training kit");
        launch.trainingKit = kit;
        List<String> missing = kit.missingSections();
        audit(launch, Actor.of(caller), "TRAINING_KIT_SAVED",
                missing.isEmpty() ? "all five sections" : "missing " + missing);
        reviewGates(launch, Actor.of(caller));
        return launch;
    }

    /**
     * Records a training. {@code recordedBy} is null when the attendance comes from meeting-service; people outside
     * the launch's CS team are not counted.
     */
    @Transactional
    public Launch recordTraining(UUID id, TrainingHeld training, Actor recordedBy) {
        Launch launch = lock(id);
        Instant now = clock.instant();
        Set<String> attended = new HashSet<>(training.attendees());
        String recorder = recordedBy == null ? null : recordedBy.id();
        training.attendees().stream().filter(launch::isInCsTeam).forEach(person -> TrainingRecord.recordOnce(id,
                person, Outcome.ATTENDED, training.meetingId(), now, recorder));
        training.absentees().stream().filter(launch::isInCsTeam).filter(person -> !attended.contains(person))
                .forEach(person -> TrainingRecord.recordOnce(id, person, Outcome.ABSENT, training.meetingId(), now,
                        recorder));
        audit(launch, actorOrService(recordedBy), "TRAINING_HELD",
                "attended " + training.attendees() + ", absent " + training.absentees());
        reviewGates(launch, recordedBy);
        return launch;
    }

    /** Records that {@code relayedBy} relayed the training to {@code person}, who missed it. */
    @Transactional
    public Launch recordRelay(UUID id, String person, UUID meetingId, Actor relayedBy) {
        Launch launch = lock(id);
        launch.requireCsTeam(person);
        TrainingRecord.recordOnce(id, person, Outcome.RELAYED, meetingId, clock.instant(), relayedBy.id());
        audit(launch, relayedBy, "TRAINING_RELAYED", "to " + person);
        reviewGates(launch, relayedBy);
        return launch;
    }

    /**
     * Starts the launch: opens its parent feedback ticket and announces it. Open gates refuse the start, unless an
     * admin overrides them with a reason.
     */
    @Transactional
    public Launch start(UUID id, Start start, Caller caller) {
        Launch launch = lock(id);
        launch.requireNotStarted("start it");
        List<LaunchGates.Status> statuses = gates.evaluate(launch, LaunchRecords.of(id));
        List<Gate> open = LaunchGates.open(statuses);
        if (start.overrideOpenGates()) {
            if (!caller.isAdmin()) {
                throw ProblemException.forbidden("override-needs-admin", "Only an admin may override open gates",
                        "Starting with open gates needs the admin role");
            }
            if (start.reason() == null || start.reason().isBlank()) {
                throw ProblemException.invalid("reason", "an override needs a reason");
            }
        } else if (!open.isEmpty()) {
            throw new ProblemException(409, "launch-gates-open", "The launch has open gates",
                    "Launch " + id + " cannot start while " + open.size() + " gate(s) are open: " + open,
                    statuses.stream().filter(status -> !status.passed())
                            .map(status -> new Problem.Violation("gates." + status.gate(),
                                    String.join("; ", status.missing())))
                            .toList());
        }
        Ticket parent = tickets.openParentFeedbackTicket(launch, Actor.of(caller));
        launch.start(parent.id, caller.id(), clock.instant());
        boolean overridden = !open.isEmpty();
        if (overridden) {
            audit(launch, Actor.of(caller), "GATES_OVERRIDDEN", open + ": " + start.reason());
        }
        audit(launch, Actor.of(caller), "STARTED", "parent feedback ticket " + parent.id);
        outbox.publish(launch.startedEvent(tickets.linkTo(parent), overridden ? open : List.of(),
                overridden ? start.reason() : null, linkTo(launch)));
        return launch;
    }

    @Transactional
    public StatusPost postStatus(UUID id, StatusUpdate status, Caller caller) {
        Launch launch = lock(id);
        launch.requireState(LaunchState.LIVE, "post a status");
        StatusPost post = StatusPost.post(id, status.phase(), status.message(), status.expectedSymptoms(),
                Actor.of(caller), clock.instant());
        post.persist();
        audit(launch, Actor.of(caller), "STATUS_POSTED", post.phase + ": " + post.message);
        outbox.publish(launch.statusPostedEvent(post, linkTo(launch)));
        return post;
    }

    @Transactional
    public RuleChange changeRules(UUID id, NewRules rules, Caller caller) {
        Launch launch = lock(id);
        RuleChange change = launch.changeRules(rules.summary(), rules.documentVersion(), rules.rulesDocumentLink(),
                Actor.of(caller), clock.instant());
        change.persist();
        audit(launch, Actor.of(caller), "RULES_CHANGED", "version " + change.documentVersion + ": " + change.summary);
        outbox.publish(launch.ruleChangedEvent(change, linkTo(launch)));
        return change;
    }

    @Transactional
    public Launch close(UUID id, Caller caller) {
        Launch launch = lock(id);
        Instant now = clock.instant();
        launch.close(caller.id(), now);
        FeedbackSummary summary = feedback.summarise(launch, now);
        audit(launch, Actor.of(caller), "CLOSED", summary.tickets() + " ticket(s), " + summary.openCritical().size()
                + " critical still open");
        outbox.publish(launch.closedEvent(summary, linkTo(launch)));
        return launch;
    }

    public String linkTo(Launch launch) {
        return links.to("launches", launch.id);
    }

    private Launch lock(UUID id) {
        Launch launch = Launch.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (launch == null) {
            throw ProblemException.notFound("Launch", id);
        }
        return launch;
    }

    /**
     * Records and announces each gate the launch passes for the first time, and moves its state along; {@code actor}
     * is null when an event from meeting-service passed it.
     */
    private void reviewGates(Launch launch, Actor actor) {
        String passedBy = actor == null ? null : actor.id();
        LaunchRecords records = LaunchRecords.of(launch.id);
        List<LaunchGates.Status> statuses = gates.evaluate(launch, records);
        Set<Gate> passed = LaunchGates.passed(statuses);
        launch.followGates(passed);
        Set<Gate> announced = new HashSet<>();
        records.passedGates().forEach(gate -> announced.add(gate.gate));
        Instant now = clock.instant();
        for (Gate gate : passed) {
            if (announced.contains(gate)) {
                continue;
            }
            new PassedGate(launch.id, gate, now, passedBy).persist();
            audit(launch, actorOrService(actor), "GATE_PASSED", gate.name());
            outbox.publish(launch.gatePassedEvent(gate, LaunchGates.open(statuses), passedBy, now, linkTo(launch)));
        }
    }

    private void audit(Launch launch, Actor actor, String action, String detail) {
        new LaunchChange(launch.id, clock.instant(), actor, action, detail).persist();
    }

    private static Actor actorOrService(Actor actor) {
        return actor == null ? MEETING_SERVICE : actor;
    }
}
