package work.remote.process;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.events.process.Assignee;
import work.remote.events.process.RolloutStarted;
import work.remote.platform.problem.ProblemException;

/** A published version handed to a set of participants, each with their own {@link Checklist}. */
@Entity
@Table(name = "rollout")
public class Rollout extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "process_id")
    public UUID processId;

    @Column(name = "process_key")
    public String processKey;

    public int version;

    public String title;

    @Column(name = "started_by")
    public String startedBy;

    @Column(name = "started_at")
    public Instant startedAt;

    /** When the participants who have not given adoption feedback are asked for it. */
    @Column(name = "follow_up_at")
    public Instant followUpAt;

    /** When they were asked; null until the follow-up date came. */
    @Column(name = "followed_up_at")
    public Instant followedUpAt;

    /** A rollout of {@code version} starting {@code now}, whose participants are asked for feedback at {@code followUpAt}. */
    public static Rollout start(Process process, ProcessVersion version, String startedBy, Instant now,
            Instant followUpAt) {
        Rollout rollout = new Rollout();
        rollout.id = UUID.randomUUID();
        rollout.processId = process.id;
        rollout.processKey = process.key;
        rollout.version = version.number;
        rollout.title = version.definition.title();
        rollout.startedBy = startedBy;
        rollout.startedAt = now;
        rollout.followUpAt = followUpAt;
        return rollout;
    }

    public static Rollout get(UUID id) {
        Rollout rollout = findById(id);
        if (rollout == null) {
            throw ProblemException.notFound("Rollout", id);
        }
        return rollout;
    }

    /** Marks the follow-up as done at {@code now}: every participant who had not answered was asked. */
    public void followedUp(Instant now) {
        followedUpAt = now;
    }

    public RolloutStarted startedEvent(List<Assignee> participants, String link) {
        return new RolloutStarted(id, processId, processKey, version, title, participants, startedBy, startedAt, link);
    }
}
