package work.remote.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member of the CS team took part in the final onboarding round, reading the feature from the user's side. */
@Entity
@Table(name = "onboarding_participation")
public class OnboardingParticipation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "launch_id")
    public UUID launchId;

    public String person;

    /** The questions users will likely ask, as this person found them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "user_questions")
    public List<String> userQuestions;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    public static List<OnboardingParticipation> of(UUID launchId) {
        return list("launchId = ?1 order by recordedAt", launchId);
    }

    public static OnboardingParticipation find(UUID launchId, String person) {
        return find("launchId = ?1 and person = ?2", launchId, person).firstResult();
    }
}
