package work.remote.notification.rest;

import java.util.List;

/** One page of the delivery log, newest first. */
public record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
}
