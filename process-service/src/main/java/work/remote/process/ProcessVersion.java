package work.remote.process;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.platform.problem.ProblemException;

/** A published version of a process: never changed after it is written (the database refuses updates too). */
@Entity
@Immutable
@Table(name = "process_version")
public class ProcessVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "process_id")
    public UUID processId;

    public int number;

    @JdbcTypeCode(SqlTypes.JSON)
    public ProcessDefinition definition;

    @Column(name = "change_summary")
    public String changeSummary;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The self-rehearsal that cleared the draft; null when published without one (or before the rule). */
    @Column(name = "rehearsal_id")
    public UUID rehearsalId;

    /** Why an admin published the draft without a self-rehearsal; null when it was rehearsed. */
    @Column(name = "without_rehearsal_reason")
    public String withoutRehearsalReason;

    /** The draft as version {@code number}, cleared by {@code rehearsal}. */
    public static ProcessVersion rehearsed(Process process, int number, ProcessDefinition definition,
            String changeSummary, Rehearsal rehearsal, String publishedBy, Instant now) {
        ProcessVersion version = of(process, number, definition, changeSummary, publishedBy, now);
        version.rehearsalId = rehearsal.id;
        return version;
    }

    /** The draft as version {@code number}, published by an admin without a self-rehearsal for {@code reason}. */
    public static ProcessVersion withoutRehearsal(Process process, int number, ProcessDefinition definition,
            String changeSummary, String reason, String publishedBy, Instant now) {
        ProcessVersion version = of(process, number, definition, changeSummary, publishedBy, now);
        version.withoutRehearsalReason = reason;
        return version;
    }

    private static ProcessVersion of(Process process, int number, ProcessDefinition definition, String changeSummary,
            String publishedBy, Instant now) {
        ProcessVersion version = new ProcessVersion();
        version.id = UUID.randomUUID();
        version.processId = process.id;
        version.number = number;
        version.definition = definition;
        version.changeSummary = changeSummary;
        version.publishedBy = publishedBy;
        version.publishedAt = now;
        return version;
    }

    public static ProcessVersion get(UUID processId, int number) {
        ProcessVersion version = find("processId = ?1 and number = ?2", processId, number).firstResult();
        if (version == null) {
            throw ProblemException.notFound("Version " + number + " of process", processId);
        }
        return version;
    }
}
