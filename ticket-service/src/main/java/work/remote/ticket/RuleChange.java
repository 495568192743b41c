package work.remote.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A new version of the launch's rules document, because requirements changed. */
@Entity
@Table(name = "rule_change")
public class RuleChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "launch_id")
    public UUID launchId;

    @Column(name = "document_version")
    public int documentVersion;

    public String summary;

    @Column(name = "rules_document_link")
    public String rulesDocumentLink;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    public static List<RuleChange> of(UUID launchId) {
        return list("launchId = ?1 order by documentVersion", launchId);
    }
}
