package work.remote.notification;


import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.events.EventType;
import work.remote.events.ticket.CriticalIssueReported;
import work.remote.events.ticket.Severity;
import work.remote.platform.revision.Revision;

/** Sends the events of a type (or of a whole context) that meet its conditions to its targets. */
@Entity
@Table(name = "route")
public class Route extends PanacheEntityBase {

    private static final EventType CRITICAL_ISSUE = EventType.of(CriticalIssueReported.class);

    @Id
    public UUID id;

    public String name;

    /** {@code work.remote.<context>.<EventName>} or {@code work.remote.<context>.*}. */
    @Column(name = "event_type")
    public String eventType;

    /** Conditions: each one left null matches every event. */
    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Column(name = "launch_id")
    public UUID launchId;

    @Column(name = "process_key")
    public String processKey;

    /** The escalation level a {@code CriticalIssueEscalated} must have (1 or 2). */
    public Integer level;

    public boolean enabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "route_target", joinColumns = @JoinColumn(name = "route_id"))
    @OrderColumn(name = "position")
    public List<RouteTarget> targets = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** {@link #eventType} parsed, once when the route is loaded or its event type set. */
    @Transient
    private EventPattern pattern;

    public static List<Route> enabledRoutes() {
        return list("enabled = true order by name");
    }

    /** Refuses a change made to another revision than the current one. */
    public void requireRevision(long expectedRevision) {
        Revision.require("route " + id, version, expectedRevision);
    }

    /**
     * Listens to the events {@code pattern} covers; {@code pattern} is one
     * {@link work.remote.notification.service.ConsumedContexts} accepted.
     */
    public void listenTo(EventPattern pattern) {
        this.pattern = pattern;
        this.eventType = pattern.value();
    }

    @PostLoad
    void parsePattern() {
        pattern = EventPattern.of(eventType);
    }

    public boolean matches(ConsumedEvent event) {
        EventAttributes attributes = event.attributes();
        return pattern.covers(event.type())
                && (severity == null || severity == attributes.severity())
                && (launchId == null || launchId.equals(attributes.launchId()))
                && (processKey == null || processKey.equals(attributes.processKey()))
                && (level == null || level.equals(attributes.level()));
    }

    /**
     * Whether some critical issue could take this route: its type is covered and no condition rules one out (a
     * critical issue is CRITICAL and has no process key; any launch may have one).
     */
    public boolean couldCarryCriticalIssues() {
        return pattern.covers(CRITICAL_ISSUE) && (severity == null || severity == Severity.CRITICAL)
                && processKey == null;
    }

    public boolean hasSlackChannel() {
        return targets.stream().anyMatch(target -> target.kind == TargetKind.SLACK_CHANNEL);
    }
}
