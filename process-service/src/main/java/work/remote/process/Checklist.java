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

import work.remote.events.process.AdoptionFeedbackRequested;
import work.remote.events.process.ChecklistAssigned;
import work.remote.events.process.ChecklistCompleted;
import work.remote.events.process.ChecklistItem;
import work.remote.platform.caller.Caller;
import work.remote.platform.problem.ProblemException;
import work.remote.platform.revision.Revision;
import work.remote.process.flow.RoleDuties;

/**
 * One participant's checklist in a rollout: their role's steps and key points, in flow order. {@code person} and
 * {@code supervisor} are stable person ids; their display names are kept beside them as last learned from each.
 */
@Entity
@Table(name = "checklist")
public class Checklist extends PanacheEntityBase {

    /** A checklist line and when (if at all) its owner ticked it. */
    public record Line(String stepId, String text, boolean keyPoint, Instant tickedAt) {

        public boolean ticked() {
            return tickedAt != null;
        }
    }

    @Id
    public UUID id;

    @Column(name = "rollout_id")
    public UUID rolloutId;

    public String person;

    @Column(name = "person_name")
    public String personName;

    public String role;

    public String supervisor;

    @Column(name = "supervisor_name")
    public String supervisorName;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Line> lines;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** When the participant was asked for adoption feedback; null unless the rollout's follow-up asked them. */
    @Column(name = "feedback_requested_at")
    public Instant feedbackRequestedAt;

    @Version
    public long version;

    /** The checklist of {@code role}'s steps and key points in {@code definition}, for one participant. */
    public static Checklist assign(Rollout rollout, ProcessDefinition definition, String person, String role,
            String supervisor) {
        Checklist checklist = new Checklist();
        checklist.id = UUID.randomUUID();
        checklist.rolloutId = rollout.id;
        checklist.person = person;
        checklist.role = role;
        checklist.supervisor = supervisor;
        checklist.lines = RoleDuties.of(definition, role).checklist().stream()
                .map(item -> new Line(item.stepId(), item.text(), item.keyPoint(), null))
                .toList();
        return checklist;
    }

    /** The checklists of the rollout that {@code personId} follows or supervises. */
    public static List<Checklist> concerning(UUID rolloutId, String personId) {
        return list("rolloutId = ?1 and (person = ?2 or supervisor = ?2)", rolloutId, personId);
    }

    public static List<Checklist> of(UUID rolloutId) {
        return find("rolloutId", Sort.ascending("person"), rolloutId).list();
    }

    public static Checklist get(UUID rolloutId, String person) {
        Checklist checklist = find("rolloutId = ?1 and person = ?2", rolloutId, person).firstResult();
        if (checklist == null) {
            throw ProblemException.notFound("Checklist of " + person + " in rollout", rolloutId);
        }
        return checklist;
    }

    /** Refuses a change made to another revision than the current one, when the caller names one. */
    public void requireRevision(Long expectedRevision) {
        Revision.require("the checklist of " + person, version, expectedRevision);
    }

    /** Ticks line {@code index}; returns whether this tick completed the checklist. Ticking twice changes nothing. */
    public boolean tick(int index, Instant now) {
        if (index < 0 || index >= lines.size()) {
            throw ProblemException.notFound("Line " + index + " of checklist", id);
        }
        Line line = lines.get(index);
        if (line.ticked()) {
            return false;
        }
        List<Line> updated = new ArrayList<>(lines);
        updated.set(index, new Line(line.stepId(), line.text(), line.keyPoint(), now));
        lines = List.copyOf(updated);
        if (done() == lines.size()) {
            completedAt = now;
            return true;
        }
        return false;
    }

    public long done() {
        return lines.stream().filter(Line::ticked).count();
    }

    /** Keeps the caller's current display name beside their id, where they are the person or the supervisor. */
    public void learnNamesFrom(Caller caller) {
        if (caller.is(person)) {
            personName = caller.name();
        }
        if (caller.is(supervisor)) {
            supervisorName = caller.name();
        }
    }

    /** The person themselves, their supervisor, or an admin. */
    public boolean visibleTo(Caller caller) {
        return caller.isAdmin() || caller.is(person) || caller.is(supervisor);
    }

    /** Lets {@code caller} see this checklist when {@link #visibleTo(Caller)}; 403 otherwise. */
    public Checklist shownTo(Caller caller) {
        if (!visibleTo(caller)) {
            throw ProblemException.forbidden("not-your-checklist", "Not your checklist",
                    caller + " may not see the checklist of " + person
                            + ": only they, their supervisor or an admin may");
        }
        return this;
    }

    public ChecklistAssigned assignedEvent(Rollout rollout, Instant now, String link) {
        List<ChecklistItem> items = lines.stream()
                .map(line -> new ChecklistItem(line.stepId(), line.text(), line.keyPoint())).toList();
        return new ChecklistAssigned(id, rollout.id, rollout.processId, rollout.processKey, rollout.version,
                rollout.title, person, role, items, now, link);
    }

    /**
     * The checklist of each participant of the rollout who has neither given adoption feedback nor been asked for it,
     * by person.
     */
    public static List<Checklist> unanswered(UUID rolloutId) {
        return list("from Checklist c where c.rolloutId = ?1 and c.feedbackRequestedAt is null and not exists ("
                + "select f.id from AdoptionFeedback f where f.rolloutId = c.rolloutId and f.person = c.person) "
                + "order by c.person", rolloutId);
    }

    /**
     * Records that the participant was asked for adoption feedback at {@code now}, unless that was recorded already;
     * returns whether this call recorded it. Written past the entity: a question changes nothing the participant
     * edits, so the checklist's revision stays.
     */
    public boolean recordFeedbackRequested(Instant now) {
        return update("feedbackRequestedAt = ?1 where id = ?2 and feedbackRequestedAt is null", now, id) == 1;
    }

    public AdoptionFeedbackRequested feedbackRequestedEvent(Rollout rollout, Instant requestedAt, String link) {
        return new AdoptionFeedbackRequested(rollout.id, rollout.processId, rollout.processKey, rollout.version,
                rollout.title, person, personName, role, rollout.startedAt, rollout.followUpAt, requestedAt, link);
    }

    public ChecklistCompleted completedEvent(Rollout rollout, String link) {
        return new ChecklistCompleted(id, rollout.id, rollout.processId, rollout.processKey, rollout.version,
                rollout.title, person, role, lines.size(), completedAt, link);
    }
}
