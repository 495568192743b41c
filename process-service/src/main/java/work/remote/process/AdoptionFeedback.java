package work.remote.process;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How a rolled-out process works for one participant. */
@Entity
@Table(name = "adoption_feedback")
public class AdoptionFeedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "rollout_id")
    public UUID rolloutId;

    public String person;

    public String role;

    public int rating;

    public String problems;

    public String suggestions;

    @Column(name = "given_at")
    public Instant givenAt;

    public static AdoptionFeedback of(Checklist checklist, int rating, String problems, String suggestions,
            Instant now) {
        AdoptionFeedback feedback = new AdoptionFeedback();
        feedback.id = UUID.randomUUID();
        feedback.rolloutId = checklist.rolloutId;
        feedback.person = checklist.person;
        feedback.role = checklist.role;
        feedback.rating = rating;
        feedback.problems = problems;
        feedback.suggestions = suggestions;
        feedback.givenAt = now;
        return feedback;
    }
}
