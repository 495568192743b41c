package work.remote.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import work.remote.events.EventType;
import work.remote.events.meeting.RelayRequested;
import work.remote.events.notification.NotificationDelivered;

/** The contexts routes may take follow the topics the consumer subscribes to, not a list in the code. */
class ConsumedContextsTest {

    @Test
    void theConfiguredTopicsMakeEveryOtherContextAndDeadDeliveriesRoutable() {
        ConsumedContexts configured = ConfiguredContexts.configured();

        assertThat(configured.contexts()).containsExactly("process", "meeting", "ticket");
        assertThat(configured.routable(ConsumedContexts.DEAD_NOTIFICATION)).isTrue();
        assertThat(configured.routable(EventType.of(NotificationDelivered.class))).isFalse();
        assertThat(configured.pattern("work.remote.notification.NotificationDead")).isPresent();
    }

    @Test
    void aContextWhoseTopicIsNotReadIsNotRoutable() {
        ConsumedContexts ticketsOnly = new ConsumedContexts(List.of("remote-work.ticket.events"));

        assertThat(ticketsOnly.contexts()).containsExactly("ticket");
        assertThat(ticketsOnly.routable(EventType.of(RelayRequested.class))).isFalse();
        assertThat(ticketsOnly.routable(ConsumedContexts.DEAD_NOTIFICATION)).isFalse();
        assertThat(ticketsOnly.pattern("work.remote.meeting.*")).isEmpty();
        assertThat(ticketsOnly.pattern("work.remote.notification.NotificationDead")).isEmpty();
        assertThat(ticketsOnly.pattern("work.remote.ticket.*")).isPresent();
    }

    @Test
    void aTopicOfNoContextStopsTheService() {
        assertThatThrownBy(() -> new ConsumedContexts(List.of("remote-work.ticket.events", "orders")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("orders");
    }
}
