package work.remote.notification.delivery;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import work.remote.notification.config.NotificationConfig;

/** Where people find a delivery in this service's API. */
@ApplicationScoped
public class DeliveryLinks {

    private final String publicUrl;

    @Inject
    public DeliveryLinks(NotificationConfig config) {
        this.publicUrl = config.publicUrl();
    }

    public String delivery(UUID id) {
        return publicUrl + "/deliveries/" + id;
    }
}
