package work.remote.process;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.events.process.Participant;
import work.remote.events.process.ProcessDrafted;
import work.remote.events.process.ProcessPublished;
import work.remote.events.process.ProcessRetired;
import work.remote.events.process.ProcessReviewRequested;
import work.remote.events.process.Role;
import work.remote.platform.caller.Caller;
import work.remote.platform.problem.Problem;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.revision.Revision;
import work.remote.process.flow.ValidationReport;

/**
 * A process the team runs, identified by a stable key. It has at most one open draft; publishing the draft turns it
 * into the next immutable {@link ProcessVersion}. Its {@code owner} and {@code createdBy} are person ids; the owner's
 * display name is kept beside the id as last learned from the owner.
 */
@Entity
@Table(name = "process")
public class Process extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "process_key")
    public String key;

    public String title;

    public String owner;

    @Column(name = "owner_name")
    public String ownerName;

    @Enumerated(EnumType.STRING)
    public ProcessStatus status;

    @Column(name = "latest_version")
    public Integer latestVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    public ProcessDefinition draft;

    @Column(name = "draft_based_on")
    public Integer draftBasedOn;

    @Column(name = "draft_change_summary")
    public String draftChangeSummary;

    /** How many times the draft was written; a rehearsal counts only for the edit it walked. */
    @Column(name = "draft_edits")
    public int draftEdits;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "retired_reason")
    public String retiredReason;

    @Version
    public long version;

    public static Process draft(String key, ProcessDefinition definition, String author, Instant now) {
        Process process = new Process();
        process.id = UUID.randomUUID();
        process.key = key;
        process.status = ProcessStatus.DRAFT;
        process.createdBy = author;
        process.createdAt = now;
        process.replaceDraft(definition, now);
        return process;
    }

    public static Process findByKey(String key) {
        return find("key", key).firstResult();
    }

    /** Keeps the caller's current display name beside the owner's id when the caller is the owner. */
    public void learnOwnerNameFrom(Caller caller) {
        if (caller.is(owner)) {
            ownerName = caller.name();
        }
    }

    /** The version the open draft becomes when published. */
    public int nextVersion() {
        return latestVersion == null ? 1 : latestVersion + 1;
    }

    public boolean hasDraft() {
        return draft != null;
    }

    public ProcessDefinition openDraft() {
        refuseWhenRetired();
        if (draft == null) {
            throw ProblemException.conflict("no-draft", "No open draft",
                    "Process " + key + " has no open draft; refine a published version to start one");
        }
        return draft;
    }

    /** Refuses a change made to another revision than the current one, when the caller names one. */
    public void requireRevision(Long expectedRevision) {
        Revision.require("process " + key, version, expectedRevision);
    }

    /** Replaces the open draft with what its author wrote; the key of a process never changes. */
    public void editDraft(String draftKey, ProcessDefinition definition, Instant now) {
        openDraft();
        if (!key.equals(draftKey)) {
            throw ProblemException.invalid("key", "the key of a process cannot change; it is '" + key + "'");
        }
        replaceDraft(definition, now);
    }

    public void replaceDraft(ProcessDefinition definition, Instant now) {
        refuseWhenRetired();
        draft = definition;
        draftEdits++;
        title = definition.title();
        if (!Objects.equals(owner, definition.owner())) {
            ownerName = null;
        }
        owner = definition.owner();
        updatedAt = now;
    }

    /** Opens a new draft from the latest published version. */
    public void refine(ProcessDefinition latest, String changeSummary, Instant now) {
        refuseWhenRetired();
        if (draft != null) {
            throw ProblemException.conflict("draft-open", "A draft is already open",
                    "Process " + key + " already has a draft for version " + nextVersion());
        }
        replaceDraft(latest, now);
        draftBasedOn = latestVersion;
        draftChangeSummary = changeSummary;
    }

    /**
     * Publishes the open draft as version {@link #nextVersion()} when its validation report is clean and its
     * {@code latestRehearsal} clears it (see {@link #selfRehearsalRefusal}); without that rehearsal only with a
     * {@code withoutRehearsalReason}, which the version keeps. Without a {@code changeSummary} a refinement is
     * published with the summary given when it was opened.
     */
    public ProcessVersion publish(Rehearsal latestRehearsal, String withoutRehearsalReason, String changeSummary,
            String publisher, Instant now) {
        ValidationReport report = ValidationReport.of(openDraft());
        String summary = changeSummary != null && !changeSummary.isBlank() ? changeSummary : draftChangeSummary;
        if (summary == null) {
            throw ProblemException.invalid("changeSummary", "must say what this version changes");
        }
        if (!report.clean()) {
            throw new ProblemException(409, "draft-invalid", "The draft does not pass validation",
                    report.problems().size() + " problem(s) keep the draft from being published", report.violations());
        }
        Optional<ProblemException> refusal = selfRehearsalRefusal(latestRehearsal);
        if (refusal.isPresent() && withoutRehearsalReason == null) {
            throw refusal.get();
        }
        ProcessVersion published = refusal.isPresent()
                ? ProcessVersion.withoutRehearsal(this, nextVersion(), draft, summary, withoutRehearsalReason,
                        publisher, now)
                : ProcessVersion.rehearsed(this, nextVersion(), draft, summary, latestRehearsal, publisher, now);
        latestVersion = published.number;
        status = ProcessStatus.PUBLISHED;
        draft = null;
        draftBasedOn = null;
        draftChangeSummary = null;
        updatedAt = now;
        return published;
    }

    /**
     * Why the draft may not be published yet, as the playbook's Plan step has it: its author walks the flow once
     * before anyone else sees it. Empty when {@code latestRehearsal}, the draft's latest, was recorded after the
     * draft's last edit, walked every step and has every finding resolved or waived; else a 409 whose type names
     * the first thing missing (never rehearsed, rehearsed before the last edit, steps not walked, open findings) and
     * whose violations name every step not walked and every open finding.
     */
    public Optional<ProblemException> selfRehearsalRefusal(Rehearsal latestRehearsal) {
        int version = nextVersion();
        if (latestRehearsal == null) {
            return Optional.of(new ProblemException(409, "never-rehearsed", "The draft was never rehearsed",
                    "Walk the flow of the draft for version " + version + " yourself and record the rehearsal "
                            + "before publishing it",
                    List.of(new Problem.Violation("rehearsal", "the draft for version " + version
                            + " has no rehearsal"))));
        }
        if (latestRehearsal.draftEdit != draftEdits) {
            return Optional.of(new ProblemException(409, "rehearsed-before-last-edit",
                    "The draft changed since its rehearsal",
                    "The latest rehearsal (" + latestRehearsal.id + ", " + latestRehearsal.rehearsedAt
                            + ") walked an earlier edit of the draft, which was last edited at " + updatedAt
                            + "; rehearse it again",
                    List.of(new Problem.Violation("rehearsal", "rehearsal " + latestRehearsal.id
                            + " was recorded before the draft's last edit"))));
        }
        List<Problem.Violation> gaps = latestRehearsal.gaps();
        if (gaps.isEmpty()) {
            return Optional.empty();
        }
        boolean stepsLeftOut = !latestRehearsal.stepsNotWalked.isEmpty();
        return Optional.of(new ProblemException(409,
                stepsLeftOut ? "rehearsal-steps-not-walked" : "rehearsal-findings-open",
                stepsLeftOut ? "The rehearsal did not walk every step" : "Rehearsal findings open",
                "The latest rehearsal (" + latestRehearsal.id + ") " + latestRehearsal.describeGaps()
                        + "; rehearse again or resolve or waive the findings first",
                gaps));
    }

    /** The published version a rollout hands out: {@code requested}, or the latest when null. */
    public ProcessVersion versionToRollOut(Integer requested) {
        refuseWhenRetired();
        if (latestVersion == null) {
            throw ProblemException.conflict("never-published", "Nothing to roll out",
                    "Process " + key + " has no published version yet");
        }
        return ProcessVersion.get(id, requested == null ? latestVersion : requested);
    }

    public void retire(String reason, Instant now) {
        refuseWhenRetired();
        status = ProcessStatus.RETIRED;
        retiredReason = reason;
        retiredAt = now;
        updatedAt = now;
    }

    public void refuseWhenRetired() {
        if (status == ProcessStatus.RETIRED) {
            throw ProblemException.conflict("process-retired", "Process retired",
                    "Process " + key + " was retired on " + retiredAt);
        }
    }

    public ProcessDrafted draftedEvent(String author, String link) {
        return new ProcessDrafted(id, key, title, owner, draftBasedOn, draftChangeSummary, author, updatedAt, link);
    }

    public ProcessReviewRequested reviewRequestedEvent(String requester, List<Participant> reviewers,
            boolean mixSmallGroups, Instant now, String link) {
        return new ProcessReviewRequested(id, key, title, requester, reviewers, now, link,
                mixSmallGroups ? Boolean.TRUE : null);
    }

    public ProcessPublished publishedEvent(ProcessVersion published, String link) {
        ProcessDefinition definition = published.definition;
        return new ProcessPublished(id, key, published.number, definition.title(), definition.owner(),
                definition.roles().stream().map(role -> new Role(role.name(), role.team())).toList(),
                published.changeSummary, published.publishedBy, published.publishedAt,
                published.withoutRehearsalReason, link);
    }

    public ProcessRetired retiredEvent(String retiredBy, String link) {
        return new ProcessRetired(id, key, title, latestVersion, retiredReason, retiredBy, retiredAt, link);
    }
}
