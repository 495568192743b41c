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

import work.remote.events.ticket.Gate;

/** When a launch's gate first passed, and through whom; written with its {@code LaunchGatePassed} event. */
@Entity
@Table(name = "launch_gate")
public class PassedGate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "launch_id")
    public UUID launchId;

    @Enumerated(EnumType.STRING)
    public Gate gate;

    @Column(name = "passed_at")
    public Instant passedAt;

    /** Null when an event from another service passed it. */
    @Column(name = "passed_by")
    public String passedBy;

    public PassedGate() {
    }

    public PassedGate(UUID launchId, Gate gate, Instant passedAt, String passedBy) {
        this.id = UUID.randomUUID();
        this.launchId = launchId;
        this.gate = gate;
        this.passedAt = passedAt;
        this.passedBy = passedBy;
    }

    public static List<PassedGate> of(UUID launchId) {
        return list("launchId", launchId);
    }
}
