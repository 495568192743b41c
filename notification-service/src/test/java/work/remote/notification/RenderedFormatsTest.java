package work.remote.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import work.remote.events.DomainEvent;
import work.remote.events.EventJson;
import work.remote.notification.service.DeliveryPlanner;

/**
 * Planning an event renders each template its targets need once, from the event decoded once where it came in, and
 * no template a target does not need.
 */
@QuarkusTest
@WithTestResource(NotificationTestResource.class)
class RenderedFormatsTest {

    @Inject
    DeliveryPlanner planner;

    @Inject
    TemplatesRendered rendered;

    void plan(DomainEvent event) {
        ConsumedEvent consumed = ConsumedEvent.decode(UUID.randomUUID().toString(), "subject", event.getClass(),
                EventJson.mapper().valueToTree(event));
        QuarkusTransaction.requiringNew().run(() -> planner.plan(consumed));
    }

    @Test
    void anEventOnlySlackChannelsGetRendersNoEmail() {
        String channel = Api.uniqueChannel("slack-only");
        Api.registerChannel(channel, "T0/slack-only/" + UUID.randomUUID(), Map.of());

        // the default route launch-status-to-cs-channel sends status posts to the launch's CS channel only
        List<String> templates = rendered.during(() -> plan(TestEvents.statusPost(UUID.randomUUID(), channel, "Deploying")));

        assertThat(templates).containsExactly("messages/LaunchStatusPosted/slack.json");
    }

    @Test
    void anEventForSlackAndEmailRendersEachFormatOnce() {
        // the default route critical-issues-to-product sends critical issues to #product and the product group
        List<String> templates = rendered.during(() -> plan(TestEvents.criticalIssue("Withdrawals fail", UUID.randomUUID())));

        assertThat(templates).containsExactlyInAnyOrder("messages/CriticalIssueReported/slack.json",
                "messages/CriticalIssueReported/text.txt", "messages/CriticalIssueReported/html.html");
    }
}
