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

    /** A person, or the service whose event caused the change (e.g. {@code meeting-service}). */
    public String actor;

    public String action;

    public String detail;

    public LaunchChange() {
    }

    public LaunchChange(UUID launchId, Instant at, String actor, String action, String detail) {
        this.id = UUID.randomUUID();
        this.launchId = launchId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.detail = detail;
    }

    /** The launch's audit trail, oldest first. */
    public static PanacheQuery<LaunchChange> trailOf(UUID launchId) {
        return find("launchId", Sort.by("at").and("id"), launchId);
    }
}
