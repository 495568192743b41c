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

    /** The participant's id. */
    public String person;

    /** The participant's display name, as last learned from them; null until they record their own part. */
    @Column(name = "person_name")
    public String personName;

    /** The questions users will likely ask, as this person found them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "user_questions")
    public List<String> userQuestions;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /**
     * Records that {@code person} took part; a second record of the same person adds their questions. A known name of
     * the person ({@code person.name()} not null) replaces the one kept so far.
     */
    public static void record(UUID launchId, Actor person, List<String> userQuestions, String recordedBy,
            Instant recordedAt) {
        OnboardingParticipation participation = find(launchId, person.id());
        if (participation != null) {
            participation.userQuestions = Stream.concat(participation.userQuestions.stream(), userQuestions.stream())
                    .toList();
            if (person.name() != null) {
                participation.personName = person.name();
            }
            return;
        }
        participation = new OnboardingParticipation();
        participation.id = UUID.randomUUID();
        participation.launchId = launchId;
        participation.person = person.id();
        participation.personName = person.name();
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
