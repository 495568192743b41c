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

    /** Who changed the rules: their id. */
    @Column(name = "changed_by")
    public String changedBy;

    /** Their display name when they changed them. */
    @Column(name = "changed_by_name")
    public String changedByName;

    @Column(name = "changed_at")
    public Instant changedAt;

    /** The change that brought {@code launch} to its current rules document version and link. */
    static RuleChange of(Launch launch, String summary, Actor changedBy, Instant changedAt) {
        RuleChange change = new RuleChange();
        change.id = UUID.randomUUID();
        change.launchId = launch.id;
        change.documentVersion = launch.rulesDocumentVersion;
        change.summary = summary;
        change.rulesDocumentLink = launch.rulesDocumentLink;
        change.changedBy = changedBy.id();
        change.changedByName = changedBy.name();
        change.changedAt = changedAt;
        return change;
    }

    /** The rules document's versions of the launch, oldest first (one change per version). */
    public static PanacheQuery<RuleChange> of(UUID launchId) {
        return find("launchId", Sort.by("documentVersion"), launchId);
    }
}
