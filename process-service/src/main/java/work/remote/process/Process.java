package work.remote.process;

import java.time.Instant;
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

import work.remote.platform.problem.ProblemException;

/**
 * A process the team runs, identified by a stable key. It has at most one open draft; publishing the draft turns it
 * into the next immutable {@link ProcessVersion}.
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

    public void replaceDraft(ProcessDefinition definition, Instant now) {
        refuseWhenRetired();
        draft = definition;
        title = definition.title();
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

    /** Closes the draft as published version {@link #nextVersion()}; returns the definition it published. */
    public ProcessDefinition markPublished(Instant now) {
        ProcessDefinition published = openDraft();
        latestVersion = nextVersion();
        status = ProcessStatus.PUBLISHED;
        draft = null;
        draftBasedOn = null;
        draftChangeSummary = null;
        updatedAt = now;
        return published;
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
}
