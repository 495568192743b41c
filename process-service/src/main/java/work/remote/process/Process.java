package work.remote.process;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
     * {@code latestRehearsal} (if any) has no unresolved findings or was waived. Without a {@code changeSummary} a
     * refinement is published with the summary given when it was opened.
     */
    public ProcessVersion publish(Rehearsal latestRehearsal, String changeSummary, String publisher, Instant now) {
        ValidationReport report = ValidationReport.of(openDraft());
        if (!report.clean()) {
            throw new ProblemException(409, "draft-invalid", "The draft does not pass validation",
                    report.problems().size() + " problem(s) keep the draft from being published", report.violations());
        }
        if (latestRehearsal != null && !latestRehearsal.clearsPublication()) {
            throw ProblemException.conflict("rehearsal-findings-open", "Rehearsal findings open",
                    "The latest rehearsal (" + latestRehearsal.id + ") has " + latestRehearsal.unresolvedFindings()
                            + " unresolved finding(s); resolve or waive them first");
        }
        String summary = changeSummary != null && !changeSummary.isBlank() ? changeSummary : draftChangeSummary;
        if (summary == null) {
            throw ProblemException.invalid("changeSummary", "must say what this version changes");
        }
        ProcessVersion published = ProcessVersion.of(this, nextVersion(), draft, summary, publisher, now);
        latestVersion = published.number;
        status = ProcessStatus.PUBLISHED;
        draft = null;
        draftBasedOn = null;
        draftChangeSummary = null;
        updatedAt = now;
        return published;
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
                published.changeSummary, published.publishedBy, published.publishedAt, link);
    }

    public ProcessRetired retiredEvent(String retiredBy, String link) {
        return new ProcessRetired(id, key, title, latestVersion, retiredReason, retiredBy, retiredAt, link);
    }
}
