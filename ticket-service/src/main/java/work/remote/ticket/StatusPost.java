package work.remote.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import work.remote.events.ticket.LaunchStatusPosted;

/** A deployment status product posted to the CS channel while the launch is live. */
@Entity
@Table(name = "launch_status_post")
public class StatusPost extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "launch_id")
    public UUID launchId;

    @Enumerated(EnumType.STRING)
    public LaunchStatusPosted.Phase phase;

    public String message;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "expected_symptoms")
    public List<String> expectedSymptoms;

    /** The poster's id. */
    @Column(name = "posted_by")
    public String postedBy;

    /** The poster's display name when they posted it. */
    @Column(name = "posted_by_name")
    public String postedByName;

    @Column(name = "posted_at")
    public Instant postedAt;

    public static StatusPost post(UUID launchId, LaunchStatusPosted.Phase phase, String message,
            List<String> expectedSymptoms, Actor postedBy, Instant postedAt) {
        StatusPost post = new StatusPost();
        post.id = UUID.randomUUID();
        post.launchId = launchId;
        post.phase = phase;
        post.message = message;
        post.expectedSymptoms = expectedSymptoms == null ? List.of() : List.copyOf(expectedSymptoms);
        post.postedBy = postedBy.id();
        post.postedByName = postedBy.name();
        post.postedAt = postedAt;
        return post;
    }

    /** The launch's status posts, newest first. */
    public static PanacheQuery<StatusPost> of(UUID launchId) {
        return find("launchId", Sort.descending("postedAt", "id"), launchId);
    }
}
