package work.remote.ticket.service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import work.remote.platform.outbox.Outbox;
import work.remote.events.ticket.Gate;
import work.remote.events.ticket.LaunchClosed;
import work.remote.events.ticket.LaunchGatePassed;
import work.remote.events.ticket.LaunchPlanned;
import work.remote.events.ticket.LaunchStarted;
import work.remote.events.ticket.LaunchState;
import work.remote.events.ticket.LaunchStatusPosted;
import work.remote.events.ticket.LaunchStatusPosted.Phase;
import work.remote.events.ticket.RuleChanged;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;
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
import work.remote.ticket.config.TicketConfig;

/**
 * Runs a launch from planning to closing. Every write locks the launch row, so gates pass, and their
 * {@code LaunchGatePassed} events are written, once, whichever request or event completes them.
 */
@ApplicationScoped
public class LaunchService {

    private final Outbox outbox;
    private final Clock clock;
    private final TicketConfig config;
    private final LaunchGates gates;
    private final TicketService tickets;
    private final LaunchFeedback feedback;

    /** A launch product plans with customer support, at a local time in {@code timeZone}. */
    public record Plan(String feature, LocalDateTime plannedLaunchAt, String timeZone, String productOwner,
            String csLead, List<String> csAgents, String csChannel, String rulesDocumentLink) {
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
    public LaunchService(Outbox outbox, Clock clock, TicketConfig config, LaunchGates gates, TicketService tickets,
            LaunchFeedback feedback) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.gates = gates;
        this.tickets = tickets;
        this.feedback = feedback;
    }

    @Transactional
    public Launch plan(Plan plan, String actor) {
        Instant now = clock.instant();
        Instant plannedLaunchAt = plan.plannedLaunchAt().atZone(zoneOf(plan.timeZone())).toInstant();
        if (!plannedLaunchAt.isAfter(now)) {
            throw ProblemException.invalid("plannedLaunchAt", "must be in the future");
        }
        if (new HashSet<>(plan.csAgents()).size() != plan.csAgents().size()) {
            throw ProblemException.invalid("csAgents", "names each agent once");
        }
        Launch launch = new Launch();
        launch.id = UUID.randomUUID();
        launch.feature = plan.feature();
        launch.plannedLaunchAt = plannedLaunchAt;
        launch.timeZone = plan.timeZone();
        launch.productOwner = plan.productOwner();
        launch.csLead = plan.csLead();
        launch.csAgents = List.copyOf(plan.csAgents());
        launch.csChannel = plan.csChannel();
        launch.rulesDocumentLink = plan.rulesDocumentLink();
        launch.rulesDocumentVersion = 1;
        launch.state = LaunchState.PLANNED;
        launch.plannedAt = now;
        launch.persist();
        audit(launch, actor, "PLANNED", launch.feature + " at " + plannedLaunchAt.atZone(zoneOf(launch.timeZone)));
        outbox.publish(new LaunchPlanned(launch.id, launch.feature, launch.plannedLaunchAt, launch.timeZone,
                launch.productOwner, launch.csLead, launch.csAgents, launch.csChannel, launch.rulesDocumentLink, now,
                linkTo(launch)));
        return launch;
    }

    /** Product says this onboarding round is the final one: no big rule changes are left. */
    @Transactional
    public Launch confirmFinalRound(UUID id, String actor) {
        Launch launch = lock(id);
        launch.requireNotStarted("confirm the final onboarding round");
        if (launch.finalRoundConfirmedAt == null) {
            launch.finalRoundConfirmedAt = clock.instant();
            launch.finalRoundConfirmedBy = actor;
            audit(launch, actor, "FINAL_ROUND_CONFIRMED", "no big rule changes left");
            reviewGates(launch, actor);
        }
        return launch;
    }

    /** Records that {@code person} took part in the final onboarding round; a second record adds their questions. */
    @Transactional
    public Launch recordParticipation(UUID id, String person, List<String> userQuestions, String actor) {
        Launch launch = lock(id);
        launch.requireNotStarted("record onboarding");
        if (launch.finalRoundConfirmedAt == null) {
            throw ProblemException.conflict("final-round-not-confirmed", "The final onboarding round is not confirmed",
                    "The CS team takes part only once product has confirmed the final onboarding round");
        }
        requireCsTeam(launch, person);
        OnboardingParticipation participation = OnboardingParticipation.find(id, person);
        if (participation == null) {
            participation = new OnboardingParticipation();
            participation.id = UUID.randomUUID();
            participation.launchId = id;
            participation.person = person;
            participation.userQuestions = List.copyOf(userQuestions);
            participation.recordedAt = clock.instant();
            participation.recordedBy = actor;
            participation.persist();
        } else {
            participation.userQuestions = concat(participation.userQuestions, userQuestions);
        }
        audit(launch, actor, "ONBOARDING_ATTENDED", person + " took part, " + userQuestions.size() + " user question(s)");
        reviewGates(launch, actor);
        return launch;
    }

    @Transactional
    public Launch saveTrainingKit(UUID id, TrainingKit kit, String actor) {
        Launch launch = lock(id);
        launch.requireNotClosed("change its training kit");
        launch.trainingKit = kit;
        List<String> missing = kit.missingSections();
        audit(launch, actor, "TRAINING_KIT_SAVED", missing.isEmpty() ? "all five sections" : "missing " + missing);
        reviewGates(launch, actor);
        return launch;
    }

    /**
     * Records a training: who attended and who missed it. {@code recordedBy} is null when the attendance comes
     * from meeting-service; people outside the launch's CS team are not counted.
     */
    @Transactional
    public Launch recordTraining(UUID id, UUID meetingId, List<String> attendees, List<String> absentees,
            String recordedBy) {
        Launch launch = lock(id);
        Instant now = clock.instant();
        Set<String> attended = new HashSet<>(attendees);
        attendees.stream().filter(launch::isInCsTeam)
                .forEach(person -> addTrainingRecord(launch, person, Outcome.ATTENDED, meetingId, now, recordedBy));
        absentees.stream().filter(launch::isInCsTeam).filter(person -> !attended.contains(person))
                .forEach(person -> addTrainingRecord(launch, person, Outcome.ABSENT, meetingId, now, recordedBy));
        audit(launch, actorOrService(recordedBy), "TRAINING_HELD", "attended " + attendees + ", absent " + absentees);
        reviewGates(launch, recordedBy);
        return launch;
    }

    /** Records that {@code relayedBy} relayed the training to {@code person}, who missed it. */
    @Transactional
    public Launch recordRelay(UUID id, String person, UUID meetingId, String relayedBy) {
        Launch launch = lock(id);
        requireCsTeam(launch, person);
        addTrainingRecord(launch, person, Outcome.RELAYED, meetingId, clock.instant(), relayedBy);
        audit(launch, relayedBy, "TRAINING_RELAYED", "to " + person);
        reviewGates(launch, relayedBy);
        return launch;
    }

    /**
     * Starts the launch: opens its parent feedback ticket and announces it. Open gates refuse the start, unless an
     * admin overrides them with a reason.
     */
    @Transactional
    public Launch start(UUID id, Start start, boolean callerIsAdmin, String actor) {
        Launch launch = lock(id);
        launch.requireNotStarted("start it");
        List<LaunchGates.Status> statuses = gates.evaluate(launch, LaunchRecords.of(id));
        List<Gate> open = LaunchGates.open(statuses);
        if (start.overrideOpenGates()) {
            if (!callerIsAdmin) {
                throw new ProblemException(403, "override-needs-admin", "Only an admin may override open gates",
                        "Starting with open gates needs the admin role", List.of());
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
        Instant now = clock.instant();
        Ticket parent = tickets.openParentFeedbackTicket(launch, actor);
        launch.start(parent.id, actor, now);
        boolean overridden = !open.isEmpty();
        if (overridden) {
            audit(launch, actor, "GATES_OVERRIDDEN", open + ": " + start.reason());
        }
        audit(launch, actor, "STARTED", "parent feedback ticket " + parent.id);
        outbox.publish(new LaunchStarted(launch.id, launch.feature, parent.id, tickets.linkTo(parent),
                launch.csChannel, launch.rulesDocumentLink, actor, now, overridden ? open : List.of(),
                overridden ? start.reason() : null, linkTo(launch)));
        return launch;
    }

    @Transactional
    public StatusPost postStatus(UUID id, StatusUpdate status, String actor) {
        Launch launch = lock(id);
        launch.requireState(LaunchState.LIVE, "post a status");
        StatusPost post = new StatusPost();
        post.id = UUID.randomUUID();
        post.launchId = id;
        post.phase = status.phase();
        post.message = status.message();
        post.expectedSymptoms = status.expectedSymptoms() == null ? List.of() : List.copyOf(status.expectedSymptoms());
        post.postedBy = actor;
        post.postedAt = clock.instant();
        post.persist();
        audit(launch, actor, "STATUS_POSTED", post.phase + ": " + post.message);
        outbox.publish(new LaunchStatusPosted(id, launch.feature, post.phase, post.message, post.expectedSymptoms,
                launch.csChannel, actor, post.postedAt, linkTo(launch)));
        return post;
    }

    @Transactional
    public RuleChange changeRules(UUID id, NewRules rules, String actor) {
        Launch launch = lock(id);
        launch.requireNotClosed("change its rules");
        if (rules.documentVersion() <= launch.rulesDocumentVersion) {
            throw ProblemException.conflict("stale-rules-version", "Not a newer rules document",
                    "The rules document is at version " + launch.rulesDocumentVersion + "; a change must bring "
                            + (launch.rulesDocumentVersion + 1) + " or later, not " + rules.documentVersion());
        }
        RuleChange change = new RuleChange();
        change.id = UUID.randomUUID();
        change.launchId = id;
        change.documentVersion = rules.documentVersion();
        change.summary = rules.summary();
        change.rulesDocumentLink = rules.rulesDocumentLink() == null ? launch.rulesDocumentLink
                : rules.rulesDocumentLink();
        change.changedBy = actor;
        change.changedAt = clock.instant();
        change.persist();
        launch.rulesDocumentVersion = change.documentVersion;
        launch.rulesDocumentLink = change.rulesDocumentLink;
        audit(launch, actor, "RULES_CHANGED", "version " + change.documentVersion + ": " + change.summary);
        outbox.publish(new RuleChanged(id, launch.feature, change.summary, change.documentVersion,
                change.rulesDocumentLink, launch.csChannel, actor, change.changedAt, linkTo(launch)));
        return change;
    }

    @Transactional
    public Launch close(UUID id, String actor) {
        Launch launch = lock(id);
        Instant now = clock.instant();
        launch.close(actor, now);
        LaunchFeedback.Summary summary = feedback.summarise(launch, now);
        audit(launch, actor, "CLOSED", summary.tickets() + " ticket(s), " + summary.openCritical().size()
                + " critical still open");
        outbox.publish(new LaunchClosed(id, launch.feature, launch.productOwner, launch.csLead, launch.csAgents,
                launch.startedAt, now, actor, (int) summary.tickets(), (int) summary.sla().critical(),
                summary.openCritical().size(), (int) summary.sla().breached(), linkTo(launch)));
        return launch;
    }

    public Launch find(UUID id) {
        Launch launch = Launch.findById(id);
        if (launch == null) {
            throw ProblemException.notFound("Launch", id);
        }
        return launch;
    }

    public String linkTo(Launch launch) {
        return config.publicUrl() + "/launches/" + launch.id;
    }

    private Launch lock(UUID id) {
        Launch launch = Launch.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (launch == null) {
            throw ProblemException.notFound("Launch", id);
        }
        return launch;
    }

    /** Records and announces each gate the launch passes for the first time, and moves its state along. */
    private void reviewGates(Launch launch, String actor) {
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
            new PassedGate(launch.id, gate, now, actor).persist();
            audit(launch, actorOrService(actor), "GATE_PASSED", gate.name());
            outbox.publish(new LaunchGatePassed(launch.id, launch.feature, gate, launch.state,
                    LaunchGates.open(statuses), actor, now, linkTo(launch)));
        }
    }

    private void addTrainingRecord(Launch launch, String person, Outcome outcome, UUID meetingId, Instant at,
            String recordedBy) {
        if (TrainingRecord.exists(launch.id, person, outcome)) {
            return;
        }
        TrainingRecord record = new TrainingRecord();
        record.id = UUID.randomUUID();
        record.launchId = launch.id;
        record.person = person;
        record.outcome = outcome;
        record.meetingId = meetingId;
        record.at = at;
        record.recordedBy = recordedBy;
        record.persist();
    }

    private void audit(Launch launch, String actor, String action, String detail) {
        new LaunchChange(launch.id, clock.instant(), actor, action, detail).persist();
    }

    private static String actorOrService(String actor) {
        return actor == null ? "meeting-service" : actor;
    }

    private static void requireCsTeam(Launch launch, String person) {
        if (!launch.isInCsTeam(person)) {
            throw ProblemException.invalid("person", person + " is neither the CS lead nor a CS agent of this launch");
        }
    }

    private static ZoneId zoneOf(String timeZone) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "is not a time zone such as Europe/Berlin: " + timeZone);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
