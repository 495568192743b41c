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

import work.remote.events.process.ChecklistItem;
import work.remote.platform.problem.ProblemException;

/** One participant's checklist in a rollout: their role's steps and key points, in flow order. */
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

    public String role;

    public String supervisor;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Line> lines;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Version
    public long version;

    public static Checklist assign(Rollout rollout, String person, String role, String supervisor,
            List<ChecklistItem> items) {
        Checklist checklist = new Checklist();
        checklist.id = UUID.randomUUID();
        checklist.rolloutId = rollout.id;
        checklist.person = person;
        checklist.role = role;
        checklist.supervisor = supervisor;
        checklist.lines = items.stream().map(item -> new Line(item.stepId(), item.text(), item.keyPoint(), null))
                .toList();
        return checklist;
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

    /** The person themselves, their supervisor, or an admin. */
    public boolean visibleTo(String caller, boolean admin) {
        return admin || person.equals(caller) || caller.equals(supervisor);
    }
}
