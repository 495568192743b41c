package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import work.remote.devinfra.RemoteWorkTestResource;
import work.remote.events.EventSamples;
import work.remote.events.meeting.ActionItemOverdue;

/**
 * Mail goes only to allowed recipients (notification.email.allowed-domains, the person domain, the configured people
 * and groups): a route naming another is refused when written, and one an event names is dead, counted and announced,
 * never mailed and never dropped silently; a dry run shows it with its refusal.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class RecipientAllowListTest {

    private static final String OUTSIDE = "x@elsewhere.example";
    private static final String OUTSIDE_REFUSED = "Recipient refused: x@elsewhere.example is outside the allowed "
            + "recipients (notification.email.allowed-domains, people, groups); nothing was mailed";

    static Map<String, Object> emailRoute(String name, String address) {
        return Map.of("name", name, "eventType", "work.remote.ticket.TicketResolved",
                "targets", List.of(Map.of("kind", "EMAIL", "value", address)));
    }

    @Test
    void mailToAnOutsideDomainIsRefusedWhenTheRouteIsWritten() {
        Api.as("ops").body(emailRoute("outside-" + UUID.randomUUID(), "x@elsewhere.example")).when().post("/routes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("targets[0].value"))
                .body("violations[0].message", containsString("notification.email.allowed-domains"));
        Api.as("ops").body(emailRoute("lookalike-" + UUID.randomUUID(), "x@remote.work.elsewhere.example")).when()
                .post("/routes").then().statusCode(400).body("violations.field", hasItem("targets[0].value"));

        String name = "inside-" + UUID.randomUUID();
        String id = Api.as("ops").body(emailRoute(name, "Triage@Remote.Work")).when().post("/routes").then()
                .statusCode(201).extract().path("id");
        Api.as("ops").header("If-Match", "\"0\"").body(emailRoute(name, "x@elsewhere.example")).when()
                .put("/routes/" + id).then().statusCode(400).body("violations.field", hasItem("targets[0].value"));
        Api.as("admin").when().delete("/routes/" + id).then().statusCode(204);
    }

    @Inject
    MeterRegistry meters;

    @Test
    void mailToAnOutsideAddressIsRecordedDeadNotDropped() {
        double refusedBefore = refusedRecipients();
        ActionItemOverdue sample = EventSamples.actionItemOverdue();
        String description = "Send the numbers outside " + UUID.randomUUID();
        String ceId = TestEvents.send(new ActionItemOverdue(UUID.randomUUID(), UUID.randomUUID(), sample.subject(),
                description, OUTSIDE, sample.due(), sample.link()));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DEAD".equals(DeliveryGuaranteesTest.deliveryOf(ceId).getString("items[0].state")));
        assertThat(DeliveryGuaranteesTest.deliveryOf(ceId).getString("items[0].lastError"))
                .isEqualTo(OUTSIDE_REFUSED);
        String deliveryId = DeliveryGuaranteesTest.deliveryOf(ceId).getString("items[0].id");
        assertThat(DeliveryGuaranteesTest.deliveries(Map.of("state", "DEAD", "target", OUTSIDE))
                .getList("items.id", String.class)).contains(deliveryId);
        assertThat(refusedRecipients() - refusedBefore).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> DeliveryGuaranteesTest
                .mailsTo(DeliveryGuaranteesTest.OPS_MAILBOX, OUTSIDE).stream()
                .anyMatch(mail -> mail.text().contains("/deliveries/" + deliveryId)));
        assertThat(RemoteWorkTestResource.smtp().messages())
                .noneSatisfy(mail -> assertThat(mail.to()).contains(OUTSIDE))
                .noneSatisfy(mail -> assertThat(mail.text()).contains(description));
    }

    @Test
    void aDryRunListsTheMessageToARefusedRecipientWithItsRefusal() {
        ActionItemOverdue sample = EventSamples.actionItemOverdue();
        JsonPath outside = RouteTest.dryRun(new ActionItemOverdue(UUID.randomUUID(), UUID.randomUUID(),
                sample.subject(), "Send the numbers", OUTSIDE, sample.due(), sample.link()));
        assertThat(outside.getList("messages.target", String.class)).contains(OUTSIDE);
        Map<String, Object> refused = outside.getMap("messages.find { it.target == '" + OUTSIDE + "' }");
        assertThat(refused).containsEntry("channel", "EMAIL").containsEntry("refused", OUTSIDE_REFUSED);
        assertThat((String) refused.get("emailText")).contains("Send the numbers");

        JsonPath inside = RouteTest.dryRun(new ActionItemOverdue(UUID.randomUUID(), UUID.randomUUID(),
                sample.subject(), "Send the numbers", "hana-host", sample.due(), sample.link()));
        Map<String, Object> allowed = inside.getMap("messages.find { it.target == 'hana-host@remote-work.local' }");
        assertThat(allowed).containsEntry("channel", "EMAIL");
        assertThat(allowed.get("refused")).isNull();
    }

    private double refusedRecipients() {
        Counter counter = meters.find("notification.deliveries.dead").tag("channel", "EMAIL")
                .tag("reason", "recipient-refused").counter();
        return counter == null ? 0 : counter.count();
    }
}
