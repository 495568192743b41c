package work.remote.notification.delivery;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import work.remote.events.EventCatalog;
import work.remote.events.EventType;
import work.remote.platform.inbox.MalformedEventException;
import work.remote.notification.route.EventPattern;
import work.remote.notification.route.PlannedTarget;
import work.remote.notification.route.Routing;
import work.remote.platform.problem.ProblemException;

/** What an event would become, without persisting or sending anything: a dry run of the routes. */
@ApplicationScoped
public class DeliveryPreview {

    private final Routing routing;
    private final MessageRenderer renderer;

    @Inject
    public DeliveryPreview(Routing routing, MessageRenderer renderer) {
        this.routing = routing;
        this.renderer = renderer;
    }

    public record Preview(RenderedMessage message, List<PlannedTarget> targets) {
    }

    public Preview of(String ceType, JsonNode data) {
        EventType type = EventCatalog.byCeType(ceType).map(EventType::of)
                .filter(EventPattern::routable)
                .orElseThrow(() -> ProblemException.invalid("ceType", "must be an event type of the "
                        + EventPattern.CONSUMED_CONTEXTS + " contexts or " + EventPattern.DEAD_NOTIFICATION.ceType()));
        RenderedMessage message;
        try {
            message = renderer.render(type, data);
        } catch (MalformedEventException e) {
            throw ProblemException.invalid("data", e.getMessage());
        }
        return new Preview(message, routing.targetsFor(type, data).chosen());
    }
}
