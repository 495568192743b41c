package work.remote.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

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

    /** Records that {@code person} took part; a second record of the same person adds their questions. */
    public static void record(UUID launchId, String person, List<String> userQuestions, String recordedBy,
            Instant recordedAt) {
        OnboardingParticipation participation = find(launchId, person);
        if (participation != null) {
            participation.userQuestions = Stream.concat(participation.userQuestions.stream(), userQuestions.stream())
                    .toList();
            return;
        }
        participation = new OnboardingParticipation();
        participation.id = UUID.randomUUID();
        participation.launchId = launchId;
        participation.person = person;
        participation.userQuestions = List.copyOf(userQuestions);
        participation.recordedAt = recordedAt;
        participation.recordedBy = recordedBy;
        participation.persist();
    }

    public static List<OnboardingParticipation> of(UUID launchId) {
        return list("launchId = ?1 order by recordedAt", launchId);
    }

    private static OnboardingParticipation find(UUID launchId, String person) {
        return find("launchId = ?1 and person = ?2", launchId, person).firstResult();
    }
}
