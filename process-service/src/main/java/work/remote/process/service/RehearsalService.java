package work.remote.process.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import work.remote.platform.caller.Caller;
import work.remote.platform.paging.Page;
import work.remote.platform.paging.PageRequest;
import work.remote.platform.problem.ProblemException;
import work.remote.process.Rehearsal;

/** Dry runs of a draft's flow and their findings, which must be resolved or waived before the draft is published. */
@ApplicationScoped
public class RehearsalService {

    /** A dry run of the draft's flow: who walked it (person ids) and each step as walked. */
    public record Walkthrough(List<String> walkedBy, List<Step> steps) {

        /** One step as walked; a {@code problem} is a finding that must be resolved or waived. */
        public record Step(String stepId, String note, String problem) {

            Rehearsal.WalkedStep walked() {
                return Rehearsal.WalkedStep.walked(stepId, note, problem);
            }
        }
    }

    private final ProcessService processes;
    private final Clock clock;

    @Inject
    public RehearsalService(ProcessService processes, Clock clock) {
        this.processes = processes;
        this.clock = clock;
    }

    @Transactional
    public Rehearsal rehearse(UUID processId, Walkthrough walkthrough, Caller recorder) {
        Rehearsal rehearsal = Rehearsal.record(processes.find(processId), walkthrough.walkedBy(),
                walkthrough.steps().stream().map(Walkthrough.Step::walked).toList(), recorder.id(),
                clock.instant());
        rehearsal.persist();
        return rehearsal;
    }

    /** Resolves the finding at walked step {@code index}; {@code expectedRevision}, when given, must be current. */
    @Transactional
    public Rehearsal resolveFinding(UUID processId, UUID rehearsalId, Long expectedRevision, int index,
            String resolution, Caller actor) {
        Rehearsal rehearsal = get(processId, rehearsalId);
        rehearsal.requireRevision(expectedRevision);
        rehearsal.resolve(index, resolution, actor.id());
        return rehearsal;
    }

    /** Waives the unresolved findings; {@code expectedRevision}, when given, must be current. */
    @Transactional
    public Rehearsal waive(UUID processId, UUID rehearsalId, Long expectedRevision, String reason, Caller actor) {
        Rehearsal rehearsal = get(processId, rehearsalId);
        rehearsal.requireRevision(expectedRevision);
        rehearsal.waive(reason, actor.id());
        return rehearsal;
    }

    public Rehearsal get(UUID processId, UUID rehearsalId) {
        Rehearsal rehearsal = Rehearsal.findById(rehearsalId);
        if (rehearsal == null || !rehearsal.processId.equals(processId)) {
            throw ProblemException.notFound("Rehearsal", rehearsalId);
        }
        return rehearsal;
    }

    /** The rehearsals of a process, newest first. */
    public Page<Rehearsal> ofProcess(UUID processId, PageRequest page) {
        processes.find(processId);
        return Page.of(Rehearsal.find("processId", Sort.descending("rehearsedAt").and("id"), processId), page);
    }
}
