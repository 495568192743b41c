package work.remote.process.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import work.remote.platform.outbox.Outbox;
import work.remote.events.process.Assignee;
import work.remote.events.process.ChecklistAssigned;
import work.remote.events.process.ChecklistCompleted;
import work.remote.events.process.ChecklistItem;
import work.remote.events.process.RolloutStarted;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;
import work.remote.process.AdoptionFeedback;
import work.remote.process.Checklist;
import work.remote.process.Process;
import work.remote.process.ProcessVersion;
import work.remote.process.Rollout;
import work.remote.process.config.ProcessConfig;
import work.remote.process.flow.RoleDuties;

/** Rolling a published version out: a checklist per participant, ticks, completion and adoption feedback. */
@ApplicationScoped
public class RolloutService {

    private final ProcessService processes;
    private final Outbox outbox;
    private final Clock clock;
    private final ProcessConfig config;
    private final EntityManager entityManager;

    @Inject
    public RolloutService(ProcessService processes, Outbox outbox, Clock clock, ProcessConfig config,
            EntityManager entityManager) {
        this.processes = processes;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.entityManager = entityManager;
    }

    /** Starts a rollout and gives every participant the checklist of their role's steps and key points. */
    @Transactional
    public Rollout start(UUID processId, RolloutPlan plan, String starter) {
        Process process = processes.find(processId);
        process.refuseWhenRetired();
        if (process.latestVersion == null) {
            throw ProblemException.conflict("never-published", "Nothing to roll out",
                    "Process " + process.key + " has no published version yet");
        }
        ProcessVersion version = ProcessVersion.get(processId,
                plan.version() == null ? process.latestVersion : plan.version());
        checkParticipants(version, plan.participants());
        Instant now = clock.instant();
        Rollout rollout = Rollout.start(process, version, starter, now);
        rollout.persist();
        String link = linkTo(rollout);
        outbox.publish(new RolloutStarted(rollout.id, process.id, process.key, version.number, rollout.title,
                plan.participants().stream().map(person -> new Assignee(person.person(), person.role())).toList(),
                starter, now, link));
        for (RolloutPlan.Participant participant : plan.participants()) {
            List<ChecklistItem> items = RoleDuties.of(version.definition, participant.role()).checklist();
            Checklist checklist = Checklist.assign(rollout, participant.person(), participant.role(),
                    participant.supervisor(), items);
            checklist.persist();
            outbox.publish(new ChecklistAssigned(checklist.id, rollout.id, process.id, process.key, version.number,
                    rollout.title, checklist.person, checklist.role, items, now, checklistLink(checklist)));
        }
        return rollout;
    }

    /** Ticks one line of the caller's own checklist; announces the checklist once it is complete. */
    @Transactional
    public Checklist tick(UUID rolloutId, String person, int index, String caller) {
        if (!person.equals(caller)) {
            throw new ProblemException(403, "not-your-checklist", "Not your checklist",
                    caller + " may not tick the checklist of " + person, List.of());
        }
        Rollout rollout = Rollout.get(rolloutId);
        Checklist checklist = Checklist.get(rolloutId, person);
        Instant now = clock.instant();
        if (checklist.tick(index, now)) {
            outbox.publish(new ChecklistCompleted(checklist.id, rollout.id, rollout.processId, rollout.processKey,
                    rollout.version, rollout.title, checklist.person, checklist.role, checklist.lines.size(), now,
                    checklistLink(checklist)));
        }
        entityManager.flush();
        return checklist;
    }

    /** Records how the process works for the caller, once per rollout; only participants can answer. */
    @Transactional
    public AdoptionFeedback giveFeedback(UUID rolloutId, AdoptionAnswer answer, String caller) {
        Rollout.get(rolloutId);
        Checklist checklist = Checklist.find("rolloutId = ?1 and person = ?2", rolloutId, caller).firstResult();
        if (checklist == null) {
            throw new ProblemException(403, "not-a-participant", "Not a participant",
                    caller + " is not a participant of rollout " + rolloutId, List.of());
        }
        if (AdoptionFeedback.count("rolloutId = ?1 and person = ?2", rolloutId, caller) > 0) {
            throw ProblemException.conflict("feedback-given", "Feedback already given",
                    caller + " already gave feedback on rollout " + rolloutId);
        }
        AdoptionFeedback feedback = AdoptionFeedback.of(checklist, answer.rating(), answer.problems(),
                answer.suggestions(), clock.instant());
        feedback.persist();
        return feedback;
    }

    /** The rollouts of a process, newest first. */
    public PanacheQuery<Rollout> ofProcess(UUID processId) {
        processes.find(processId);
        return Rollout.find("processId", Sort.descending("startedAt").and("id"), processId);
    }

    public String linkTo(Rollout rollout) {
        return config.publicUrl() + "/rollouts/" + rollout.id;
    }

    private String checklistLink(Checklist checklist) {
        return config.publicUrl() + "/rollouts/" + checklist.rolloutId + "/checklists/" + checklist.person;
    }

    private static void checkParticipants(ProcessVersion version, List<RolloutPlan.Participant> participants) {
        List<Problem.Violation> invalid = new ArrayList<>();
        Set<String> people = new HashSet<>();
        for (int i = 0; i < participants.size(); i++) {
            RolloutPlan.Participant participant = participants.get(i);
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
