package work.remote.process.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import work.remote.events.process.Assignee;
import work.remote.platform.caller.Caller;
import work.remote.platform.links.Links;
import work.remote.platform.outbox.Outbox;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;
import work.remote.process.AdoptionFeedback;
import work.remote.process.Checklist;
import work.remote.process.Process;
import work.remote.process.ProcessVersion;
import work.remote.process.Rollout;
import work.remote.process.config.ProcessConfig;

/** Rolling a published version out: a checklist per participant, ticks, completion and adoption feedback. */
@ApplicationScoped
public class RolloutService {

    /**
     * Who gets a published {@code version} (the latest when null), each with the role whose checklist they follow;
     * participants and supervisors are person ids. On {@code followUpAt} (by default a configured time after the
     * start) whoever has not given adoption feedback is asked for it.
     */
    public record Plan(Integer version, List<Participant> participants, Instant followUpAt) {

        public record Participant(String person, String role, String supervisor) {

            Assignee assignee() {
                return new Assignee(person, role);
            }
        }
    }

    /** How the process works for one participant of a rollout: a rating from 1 to 5, problems and suggestions. */
    public record AdoptionAnswer(int rating, String problems, String suggestions) {
    }

    private static final String ROLLOUTS = "rollouts";

    private final ProcessService processes;
    private final Outbox outbox;
    private final Clock clock;
    private final Links links;
    private final EntityManager entityManager;
    private final ProcessConfig.AdoptionFollowUp followUp;

    @Inject
    public RolloutService(ProcessService processes, Outbox outbox, Clock clock, Links links,
            EntityManager entityManager, ProcessConfig config) {
        this.processes = processes;
        this.outbox = outbox;
        this.clock = clock;
        this.links = links;
        this.entityManager = entityManager;
        this.followUp = config.adoptionFollowUp();
    }

    /** Starts a rollout and gives every participant the checklist of their role's steps and key points. */
    @Transactional
    public Rollout start(UUID processId, Plan plan, Caller starter) {
        Process process = processes.find(processId);
        ProcessVersion version = process.versionToRollOut(plan.version());
        checkParticipants(version, plan.participants());
        Instant now = clock.instant();
        Rollout rollout = Rollout.start(process, version, starter.id(), now, followUpAt(plan, now));
        rollout.persist();
        outbox.publish(rollout.startedEvent(plan.participants().stream().map(Plan.Participant::assignee).toList(),
                links.to(ROLLOUTS, rollout.id)));
        for (Plan.Participant participant : plan.participants()) {
            Checklist checklist = Checklist.assign(rollout, version.definition, participant.person(),
                    participant.role(), participant.supervisor());
            checklist.learnNamesFrom(starter);
            checklist.persist();
            outbox.publish(checklist.assignedEvent(rollout, now, checklistLink(checklist)));
        }
        return rollout;
    }

    /**
     * Ticks one line of the caller's own checklist; announces the checklist once it is complete.
     * {@code expectedRevision}, when given, must be the checklist's current one.
     */
    @Transactional
    public Checklist tick(UUID rolloutId, String person, Long expectedRevision, int index, Caller caller) {
        if (!caller.is(person)) {
            throw ProblemException.forbidden("not-your-checklist", "Not your checklist",
                    caller + " may not tick the checklist of " + person);
        }
        Rollout rollout = Rollout.get(rolloutId);
        Checklist checklist = Checklist.get(rolloutId, person);
        checklist.requireRevision(expectedRevision);
        learnNameOf(caller, rolloutId);
        if (checklist.tick(index, clock.instant())) {
            outbox.publish(checklist.completedEvent(rollout, checklistLink(checklist)));
        }
        entityManager.flush();
        return checklist;
    }

    /** Records how the process works for the caller, once per rollout; only participants can answer. */
    @Transactional
    public AdoptionFeedback giveFeedback(UUID rolloutId, AdoptionAnswer answer, Caller caller) {
        Rollout.get(rolloutId);
        Checklist checklist = Checklist.find("rolloutId = ?1 and person = ?2", rolloutId, caller.id()).firstResult();
        if (checklist == null) {
            throw ProblemException.forbidden("not-a-participant", "Not a participant",
                    caller + " is not a participant of rollout " + rolloutId);
        }
        if (AdoptionFeedback.count("rolloutId = ?1 and person = ?2", rolloutId, caller.id()) > 0) {
            throw ProblemException.conflict("feedback-given", "Feedback already given",
                    caller + " already gave feedback on rollout " + rolloutId);
        }
        learnNameOf(caller, rolloutId);
        AdoptionFeedback feedback = AdoptionFeedback.of(checklist, answer.rating(), answer.problems(),
                answer.suggestions(), clock.instant());
        feedback.persist();
        return feedback;
    }

    public Rollout get(UUID id) {
        return Rollout.get(id);
    }

    /** The rollouts of a process, newest first. */
    public Page<Rollout> ofProcess(UUID processId, PageRequest page) {
        processes.find(processId);
        return Page.of(Rollout.find("processId", Sort.descending("startedAt").and("id"), processId), page);
    }

    /** Every checklist of the rollout, by person. */
    public List<Checklist> checklists(UUID rolloutId) {
        return Checklist.of(rolloutId);
    }

    /** The checklists of several rollouts in one query, each rollout's by person. */
    public Map<UUID, List<Checklist>> checklists(Collection<UUID> rolloutIds) {
        if (rolloutIds.isEmpty()) {
            return Map.of();
        }
        return Checklist.<Checklist>list("rolloutId in ?1", Sort.ascending("person"), rolloutIds).stream()
                .collect(Collectors.groupingBy(checklist -> checklist.rolloutId));
    }

    /**
     * The checklists of the rollout the caller may see, by person: all for an admin, else their own and their
     * reports'. A rollout has at most as many as its plan had participants, so they are filtered in memory.
     */
    public Page<Checklist> checklistsVisibleTo(UUID rolloutId, Caller caller, PageRequest page) {
        Rollout.get(rolloutId);
        return Page.of(Checklist.of(rolloutId).stream().filter(checklist -> checklist.visibleTo(caller)).toList(),
                page);
    }

    /** A participant's checklist, when the caller may see it. */
    public Checklist checklist(UUID rolloutId, String person, Caller caller) {
        return Checklist.get(rolloutId, person).shownTo(caller);
    }

    /** The adoption feedback given on several rollouts in one query, each rollout's oldest first. */
    public Map<UUID, List<AdoptionFeedback>> adoptionFeedback(Collection<UUID> rolloutIds) {
        if (rolloutIds.isEmpty()) {
            return Map.of();
        }
        return AdoptionFeedback.<AdoptionFeedback>list("rolloutId in ?1", Sort.ascending("givenAt").and("person"),
                rolloutIds).stream().collect(Collectors.groupingBy(feedback -> feedback.rolloutId));
    }

    /** The adoption feedback given on the rollout, oldest first. */
    public List<AdoptionFeedback> adoptionFeedback(UUID rolloutId) {
        Rollout.get(rolloutId);
        return AdoptionFeedback.list("rolloutId", Sort.ascending("givenAt").and("person"), rolloutId);
    }

    /** Keeps the acting caller's current display name on the rollout's checklists they follow or supervise. */
    private static void learnNameOf(Caller caller, UUID rolloutId) {
        Checklist.concerning(rolloutId, caller.id()).forEach(checklist -> checklist.learnNamesFrom(caller));
    }

    private String checklistLink(Checklist checklist) {
        return links.to(ROLLOUTS, checklist.rolloutId, "checklists", checklist.person);
    }

    /** The plan's follow-up date, after the start and at most the configured time after it; else the default. */
    private Instant followUpAt(Plan plan, Instant start) {
        if (plan.followUpAt() == null) {
            return start.plus(followUp.after());
        }
        if (!plan.followUpAt().isAfter(start)) {
            throw ProblemException.invalid("followUpAt", "must be after the rollout starts (" + start + ")");
        }
        Instant latest = start.plus(followUp.atMostAfter());
        if (plan.followUpAt().isAfter(latest)) {
            throw ProblemException.invalid("followUpAt", "must be at most " + followUp.atMostAfter().toDays()
                    + " days after the rollout starts (" + latest + ")");
        }
        return plan.followUpAt();
    }

    private static void checkParticipants(ProcessVersion version, List<Plan.Participant> participants) {
        List<Problem.Violation> invalid = new ArrayList<>();
        Set<String> people = new HashSet<>();
        for (int i = 0; i < participants.size(); i++) {
            Plan.Participant participant = participants.get(i);
            if (version.definition.role(participant.role()).isEmpty()) {
                invalid.add(new Problem.Violation("participants[" + i + "].role", "'" + participant.role()
                        + "' is not a role of version " + version.number));
            }
            if (!people.add(participant.person())) {
                invalid.add(new Problem.Violation("participants[" + i + "].person",
                        participant.person() + " is listed more than once"));
            }
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
    }
}
