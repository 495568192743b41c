package work.remote.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
 * A dry run of a draft's flow: who walked it and, step by step, what went wrong where. Its unresolved findings keep
 * the draft from being published unless someone waives them with a reason.
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

    @Column(name = "waiver_reason")
    public String waiverReason;

    @Column(name = "waived_by")
    public String waivedBy;

    @Version
    public long version;

    /** A dry run of {@code process}'s open draft; every walked step must be a step of that draft. */
    public static Rehearsal record(Process process, List<String> walkedBy, List<WalkedStep> steps, String recordedBy,
            Instant now) {
        FlowGraph flow = new FlowGraph(process.openDraft());
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
        return rehearsal;
    }

    public static Rehearsal latestFor(UUID processId, int forVersion) {
        return find("processId = ?1 and forVersion = ?2", Sort.descending("rehearsedAt").and("id"), processId,
                forVersion).firstResult();
    }

    public long unresolvedFindings() {
        return steps.stream().filter(WalkedStep::unresolved).count();
    }

    /** Whether this rehearsal lets its draft be published: nothing unresolved, or an explicit waiver. */
    public boolean clearsPublication() {
        return waiverReason != null || unresolvedFindings() == 0;
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
