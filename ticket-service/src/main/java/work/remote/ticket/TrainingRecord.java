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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How one member of the CS team was trained for a launch: at the training, or relayed by their supervisor. */
@Entity
@Table(name = "training_record")
public class TrainingRecord extends PanacheEntityBase {

    public enum Outcome {
        ATTENDED,
        ABSENT,
        RELAYED
    }

    @Id
    public UUID id;

    @Column(name = "launch_id")
    public UUID launchId;

    public String person;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    /** The training meeting in meeting-service; null when recorded directly. */
    @Column(name = "meeting_id")
    public UUID meetingId;

    public Instant at;

    /** Who recorded it, or who relayed the training; null when it came from meeting-service's attendance. */
    @Column(name = "recorded_by")
    public String recordedBy;

    /** Records how {@code person} was trained, unless a record of that outcome exists already. */
    public static void recordOnce(UUID launchId, String person, Outcome outcome, UUID meetingId, Instant at,
            String recordedBy) {
        if (exists(launchId, person, outcome)) {
            return;
        }
        TrainingRecord record = new TrainingRecord();
        record.id = UUID.randomUUID();
        record.launchId = launchId;
        record.person = person;
        record.outcome = outcome;
        record.meetingId = meetingId;
        record.at = at;
        record.recordedBy = recordedBy;
        record.persist();
    }

    public static List<TrainingRecord> of(UUID launchId) {
        return list("launchId = ?1 order by at", launchId);
    }

    private static boolean exists(UUID launchId, String person, Outcome outcome) {
        return count("launchId = ?1 and person = ?2 and outcome = ?3", launchId, person, outcome) > 0;
    }
}
