package work.remote.ticket;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** One entry of a launch's audit trail: who did what, and when; overrides carry their reason. */
@Entity
@Table(name = "launch_change")
public class LaunchChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "launch_id")
    public UUID launchId;

    public Instant at;

    /** A person's id, or the service whose event caused the change (e.g. {@code meeting-service}). */
    public String actor;

    /** The person's display name when the entry was written; null for a service or a name not known. */
    @Column(name = "actor_name")
    public String actorName;

    public String action;

    public String detail;

    public LaunchChange() {
    }

    public LaunchChange(UUID launchId, Instant at, Actor actor, String action, String detail) {
        this.id = UUID.randomUUID();
        this.launchId = launchId;
        this.at = at;
        this.actor = actor.id();
        this.actorName = actor.name();
        this.action = action;
        this.detail = detail;
    }

    /** The launch's audit trail, oldest first. */
    public static PanacheQuery<LaunchChange> trailOf(UUID launchId) {
        return find("launchId", Sort.by("at").and("id"), launchId);
    }
}
