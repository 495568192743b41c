package work.remote.console.ops;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import work.remote.console.client.notification.api.DeliveriesApi;
import work.remote.console.client.notification.model.DeliveryResourceGet200Response;
import work.remote.console.client.notification.model.PageDeliveryView;
import work.remote.console.client.notification.model.State;
import work.remote.console.problem.Problem;
import work.remote.console.problem.ServiceProblem;
import work.remote.console.signin.SignedIn;
import work.remote.console.signin.Viewer;

/**
 * Operations: notification-service's delivery log page by page, the dead deliveries, and their replay for the roles
 * notification-service lets replay.
 */
@Path("/ops")
public class OpsPageResource {

    static final String NOTIFICATION_SERVICE = "notification-service";
    static final int LOG_PAGE = 50;
    private static final int DEAD_PAGE = 200;

    /** A dead delivery, and why notification-service refused to replay it when it did. */
    public record Dead(DeliveryResourceGet200Response delivery, Problem problem) {
    }

    /**
     * One page of the delivery log.
     *
     * @param state the state it is filtered by, or empty for every state
     */
    public record Log(List<DeliveryResourceGet200Response> deliveries, int page, int pages, long total, String state) {

        /** The page's number as people count: the first is 1. */
        public int number() {
            return page + 1;
        }

        public boolean hasNewer() {
            return page > 0;
        }

        public int newer() {
            return page - 1;
        }

        public boolean hasOlder() {
            return page + 1 < pages;
        }

        public int older() {
            return page + 1;
        }
    }

    public record Ops(Log log, List<Dead> dead, long deadTotal, List<String> states) {
    }

    /** A replay notification-service refused: the delivery and the refusal. */
    private record Refusal(UUID deliveryId, Problem problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ops(Viewer viewer, Ops ops, Problem problem);
    }

    private final DeliveriesApi deliveries;
    private final SignedIn signedIn;

    public OpsPageResource(@RestClient DeliveriesApi deliveries, SignedIn signedIn) {
        this.deliveries = deliveries;
        this.signedIn = signedIn;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response ops(@QueryParam("page") Integer page, @QueryParam("state") String state) {
        return page(page == null || page < 0 ? 0 : page, state, null, 200);
    }

    @POST
    @Path("/deliveries/{id}/replay")
    @Produces(MediaType.TEXT_HTML)
    public Response replay(@PathParam("id") UUID id) {
        try {
            ServiceProblem.call(NOTIFICATION_SERVICE, () -> deliveries.deliveryResourceReplay(id));
            return Response.seeOther(URI.create("/ops#dead")).build();
        } catch (ServiceProblem e) {
            return page(0, null, new Refusal(id, e.problem()), 422);
        }
    }

    private Response page(int page, String state, Refusal refusal, int status) {
        Ops ops;
        try {
            ops = read(page, state, refusal);
        } catch (ServiceProblem e) {
            return e.page(Templates.ops(signedIn.get(), null, e.problem()));
        }
        boolean shownAtItsDelivery = ops.dead().stream().anyMatch(dead -> dead.problem() != null);
        Problem atTheTop = refusal == null || shownAtItsDelivery ? null : refusal.problem();
        return Response.status(status).entity(Templates.ops(signedIn.get(), ops, atTheTop)).build();
    }

    private Ops read(int page, String state, Refusal refusal) {
        State filter = Arrays.stream(State.values()).filter(value -> value.name().equals(state)).findFirst()
                .orElse(null);
        PageDeliveryView log = ServiceProblem.call(NOTIFICATION_SERVICE, () -> deliveries.deliveryResourceList(null,
                null, null, null, page, LOG_PAGE, filter, null, null, null));
        PageDeliveryView dead = ServiceProblem.call(NOTIFICATION_SERVICE, () -> deliveries.deliveryResourceList(null,
                null, null, null, 0, DEAD_PAGE, State.DEAD, null, null, null));
        long total = log.getTotal() == null ? 0 : log.getTotal();
        int pages = (int) Math.max(1, (total + LOG_PAGE - 1) / LOG_PAGE);
        List<Dead> deadRows = dead.getItems().stream().map(delivery -> new Dead(delivery,
                refusal != null && refusal.deliveryId().equals(delivery.getId()) ? refusal.problem() : null)).toList();
        return new Ops(new Log(log.getItems(), page, pages, total, filter == null ? "" : filter.name()), deadRows,
                dead.getTotal() == null ? deadRows.size() : dead.getTotal(),
                Arrays.stream(State.values()).map(Enum::name).toList());
    }
}
