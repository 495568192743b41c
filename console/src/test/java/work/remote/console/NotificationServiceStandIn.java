package work.remote.console;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP server standing in for notification-service's delivery log, as its OpenAPI document describes the answers:
 * {@value #DELIVERED} delivered messages and two dead ones, newest first, paged and filtered by state. Only
 * {@code ops} and {@code admin} replay, and only a dead delivery, as notification-service allows.
 */
final class NotificationServiceStandIn extends ServiceStandIn {

    static final int DELIVERED = 55;
    static final String DEAD_SLACK = "9d4a4f3b-85c5-4f88-ad6b-bf4f4e3a3d01";
    static final String DEAD_EMAIL = "9d4a4f3b-85c5-4f88-ad6b-bf4f4e3a3d02";

    private final List<Map<String, Object>> deliveries = new ArrayList<>();

    private NotificationServiceStandIn() {
        super("notification-service");
        Instant now = Instant.now();
        deliveries.add(delivery(DEAD_SLACK, "CriticalIssueReported", "Cannot withdraw", "SLACK", "#product", "DEAD",
                "Slack answered 404 channel_not_found", now));
        deliveries.add(delivery(DEAD_EMAIL, "SlaBreached", "Trading blocked for one user", "EMAIL",
                "product@remote.work", "DEAD", "550 mailbox unavailable", now.minusSeconds(60)));
        for (int number = 1; number <= DELIVERED; number++) {
            deliveries.add(delivery(String.format("9d4a4f3b-85c5-4f88-ad6b-%012d", number), "TicketOpened",
                    "Ticket number " + number, "SLACK", "#cs-launch", "DELIVERED", null,
                    now.minusSeconds(120L + number)));
        }
    }

    static NotificationServiceStandIn start() {
        NotificationServiceStandIn standIn = new NotificationServiceStandIn();
        standIn.listen();
        return standIn;
    }

    @Override
    protected synchronized void handle(Request request) throws IOException {
        if (request.is("GET", "/deliveries")) {
            String state = request.query().get("state");
            List<Map<String, Object>> matching = deliveries.stream()
                    .filter(delivery -> state == null || state.equals(delivery.get("state"))).toList();
            int page = request.intQuery("page", 0);
            int size = request.intQuery("size", 50);
            List<Map<String, Object>> items = matching.subList(Math.min(matching.size(), page * size),
                    Math.min(matching.size(), (page + 1) * size));
            json(request.exchange(), 200, Map.of("items", items, "page", page, "size", size,
                    "total", matching.size()));
        } else if (request.method().equals("POST") && request.path().matches("/deliveries/[^/]+/replay")) {
            replay(request, request.path().split("/")[2]);
        } else {
            notFound(request);
        }
    }

    private void replay(Request request, String id) throws IOException {
        if (!request.roles().contains("ops") && !request.roles().contains("admin")) {
            problem(request.exchange(), 403, "Forbidden", "The token lacks a role allowed here", List.of());
            return;
        }
        Map<String, Object> delivery = deliveries.stream().filter(each -> each.get("id").equals(id)).findFirst()
                .orElse(null);
        if (delivery == null) {
            notFound(request);
        } else if (!"DEAD".equals(delivery.get("state"))) {
            problem(request.exchange(), 409, "Not dead", "Only a dead delivery is replayed; this one is "
                    + delivery.get("state"), List.of());
        } else {
            delivery.put("state", "PENDING");
            delivery.put("attempts", 0);
            json(request.exchange(), 200, delivery);
        }
    }

    private static Map<String, Object> delivery(String id, String event, String title, String channel, String target,
            String state, String lastError, Instant createdAt) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("id", id);
        delivery.put("ceId", id);
        delivery.put("ceType", "work.remote.ticket." + event);
        delivery.put("purpose", "NOTICE");
        delivery.put("channel", channel);
        delivery.put("target", target);
        delivery.put("title", title);
        delivery.put("state", state);
        delivery.put("attempts", state.equals("DEAD") ? 8 : 1);
        delivery.put("lastError", lastError);
        delivery.put("createdAt", createdAt.toString());
        delivery.put("deliveredAt", state.equals("DELIVERED") ? createdAt.plusSeconds(1).toString() : null);
        return delivery;
    }
}
