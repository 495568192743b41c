package work.remote.ticket.rest;

import java.util.List;

/** One page of tickets, newest report first. */
public record TicketPage(List<TicketView> items, int page, int size, long total) {
}
