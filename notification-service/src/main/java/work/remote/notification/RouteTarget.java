package work.remote.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One target of a route: a kind and the channel, address, group or event field it names. */
@Embeddable
public class RouteTarget {

    @Enumerated(EnumType.STRING)
    public TargetKind kind;

    @Column(name = "value")
    public String value;

    protected RouteTarget() {
    }

    public RouteTarget(TargetKind kind, String value) {
        this.kind = kind;
        this.value = value;
    }
}
