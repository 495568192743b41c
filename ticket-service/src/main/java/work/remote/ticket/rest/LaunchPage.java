package work.remote.ticket.rest;

import java.util.List;

/** One page of launches, the soonest planned first. */
public record LaunchPage(List<LaunchView> items, int page, int size, long total) {
}
