package work.remote.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.revision.Revision;
import work.remote.process.flow.FlowGraph;

/**
 * A dry run of a draft's flow: who walked it and, step by step, what went wrong where. It clears the draft for
 * publication when it walked every step of the edit it was recorded for and each finding is resolved or waived.
 */
@Entity
@Table(name = "rehearsal")
public class Rehearsal extends PanacheEntityBase {

    /** One step as walked; {@code problem} is a finding, {@code resolution} says how it was dealt with. */
    public record WalkedStep(String stepId, String note, String problem, String resolution, String resolvedBy) {

        /** A step as walked, before anyone dealt with it; a blank {@code problem} is no finding. */
        public static WalkedStep walked(String stepId, String note, String problem) {
            return new WalkedStep(stepId, note, problem == null || problem.isBlank() ? null : problem, null, null);
        }

        public boolean unresolved() {
            return problem != null && resolution == null;
        }
    }

    @Id
    public UUID id;

    @Column(name = "process_id")
    public UUID processId;

    @Column(name = "for_version")
    public int forVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "walked_by")
    public List<String> walkedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<WalkedStep> steps;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "rehearsed_at")
    public Instant rehearsedAt;

    /** The edit of the draft it walked ({@link Process#draftEdits} when it was recorded). */
    @Column(name = "draft_edit")
    public int draftEdit;

    /** The ids of the draft's steps it did not walk, in the draft's order. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "steps_not_walked")
    public List<String> stepsNotWalked;

    @Column(name = "waiver_reason")
    public String waiverReason;

    @Column(name = "waived_by")
    public String waivedBy;

    @Version
    public long version;

    /** A dry run of {@code process}'s open draft; every walked step must be a step of that draft. */
    public static Rehearsal record(Process process, List<String> walkedBy, List<WalkedStep> steps, String recordedBy,
            Instant now) {
        ProcessDefinition draft = process.openDraft();
        FlowGraph flow = new FlowGraph(draft);
        List<Problem.Violation> unknown = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!flow.contains(steps.get(i).stepId())) {
                unknown.add(new Problem.Violation("steps[" + i + "].stepId",
                        "'" + steps.get(i).stepId() + "' is not a step of the draft"));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(unknown);
        }
        Rehearsal rehearsal = new Rehearsal();
        rehearsal.id = UUID.randomUUID();
        rehearsal.processId = process.id;
        rehearsal.forVersion = process.nextVersion();
        rehearsal.walkedBy = List.copyOf(walkedBy);
        rehearsal.steps = List.copyOf(steps);
        rehearsal.recordedBy = recordedBy;
        rehearsal.rehearsedAt = now;
        rehearsal.draftEdit = process.draftEdits;
        Set<String> walked = steps.stream().map(WalkedStep::stepId).collect(Collectors.toSet());
        rehearsal.stepsNotWalked = draft.steps().stream().map(Step::id).filter(step -> !walked.contains(step)).toList();
        return rehearsal;
    }

    public static Rehearsal latestFor(UUID processId, int forVersion) {
        return find("processId = ?1 and forVersion = ?2", Sort.descending("rehearsedAt").and("id"), processId,
                forVersion).firstResult();
    }

    public long unresolvedFindings() {
        return steps.stream().filter(WalkedStep::unresolved).count();
    }

    /** The findings nobody resolved or waived. */
    public long openFindings() {
        return waiverReason != null ? 0 : unresolvedFindings();
    }

    /**
     * Whether this rehearsal lets the edit of the draft it walked be published: every step walked, every finding
     * resolved or waived.
     */
    public boolean clearsPublication() {
        return stepsNotWalked.isEmpty() && openFindings() == 0;
    }

    /** What keeps this rehearsal from clearing its draft: each step not walked and each open finding. */
    public List<Problem.Violation> gaps() {
        List<Problem.Violation> gaps = new ArrayList<>();
        stepsNotWalked.forEach(step -> gaps.add(new Problem.Violation("rehearsal.steps", "step '" + step
                + "' was not walked")));
        if (waiverReason == null) {
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).unresolved()) {
                    gaps.add(new Problem.Violation("rehearsal.steps[" + i + "]", "finding at step '"
                            + steps.get(i).stepId() + "' is open: " + steps.get(i).problem()));
                }
            }
        }
        return gaps;
    }

    /** The gaps in words: which steps it left out, at which steps findings are open. */
    public String describeGaps() {
        List<String> parts = new ArrayList<>();
        if (!stepsNotWalked.isEmpty()) {
            parts.add("did not walk " + stepsNotWalked.size() + " step(s): " + String.join(", ", stepsNotWalked));
        }
        if (openFindings() > 0) {
            parts.add("has " + openFindings() + " open finding(s) at " + steps.stream().filter(WalkedStep::unresolved)
                    .map(WalkedStep::stepId).collect(Collectors.joining(", ")));
        }
        return String.join(" and ", parts);
    }

    /** Refuses a change made to another revision than the current one, when the caller names one. */
    public void requireRevision(Long expectedRevision) {
        Revision.require("rehearsal " + id, version, expectedRevision);
    }

    public void resolve(int index, String resolution, String resolvedBy) {
        if (index < 0 || index >= steps.size() || steps.get(index).problem() == null) {
            throw ProblemException.notFound("Finding " + index + " of rehearsal", id);
        }
        List<WalkedStep> updated = new ArrayList<>(steps);
        WalkedStep step = updated.get(index);
        updated.set(index, new WalkedStep(step.stepId(), step.note(), step.problem(), resolution, resolvedBy));
        steps = List.copyOf(updated);
    }

    public void waive(String reason, String waivedBy) {
        this.waiverReason = reason;
        this.waivedBy = waivedBy;
    }
}
