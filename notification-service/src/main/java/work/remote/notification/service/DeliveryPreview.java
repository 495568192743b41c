package work.remote.notification.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import work.remote.events.DomainEvent;
import work.remote.events.EventCatalog;
import work.remote.events.EventType;
import work.remote.events.notification.Channel;
import work.remote.notification.ConsumedEvent;
import work.remote.notification.PlannedTarget;
import work.remote.notification.RenderedMessage;
import work.remote.platform.inbox.MalformedEventException;
import work.remote.platform.problem.ProblemException;

/**
 * What an event would become, without persisting or sending anything: a dry run of the routes. An email recipient
 * the sender would refuse ({@link EmailDirectory#recipient}) is listed with the reason its delivery would die for.
 */
@ApplicationScoped
public class DeliveryPreview {

    private final Routing routing;
    private final MessageRenderer renderer;
    private final ConsumedContexts consumed;
    private final EmailDirectory directory;
    private final EnabledRoutes routes;

    @Inject
    public DeliveryPreview(Routing routing, MessageRenderer renderer, ConsumedContexts consumed,
            EmailDirectory directory, EnabledRoutes routes) {
        this.routing = routing;
        this.routes = routes;
        this.renderer = renderer;
        this.consumed = consumed;
        this.directory = directory;
    }

    public record Preview(RenderedMessage message, List<Target> targets) {
    }

    /** A target the event would go to, and why nothing would be sent to it, when it would be refused. */
    public record Target(PlannedTarget planned, Optional<String> refusal) {
    }

    public Preview of(String ceType, JsonNode data) {
        Class<? extends DomainEvent> eventClass = EventCatalog.byCeType(ceType)
                .filter(type -> consumed.routable(EventType.of(type)))
                .orElseThrow(() -> ProblemException.invalid("ceType", "must be an event type of the "
                        + consumed.contexts() + " contexts or " + ConsumedContexts.DEAD_NOTIFICATION.ceType()));
        ConsumedEvent event;
        try {
            event = ConsumedEvent.decode(null, null, eventClass, data);
        } catch (MalformedEventException e) {
            throw ProblemException.invalid("data", e.getMessage());
        }
        routes.refreshIfChanged();
        Routing.Targets targets = routing.targetsFor(event);
        RenderedMessage message;
        try {
            message = renderer.render(event, targets.channels());
        } catch (MalformedEventException e) {
            throw ProblemException.invalid("data", e.getMessage());
        }
        return new Preview(message, targets.chosen().stream().map(this::checked).toList());
    }

    private Target checked(PlannedTarget target) {
        return new Target(target, target.channel() == Channel.EMAIL ? directory.recipient(target.target()).refusal()
                : Optional.empty());
    }
}
