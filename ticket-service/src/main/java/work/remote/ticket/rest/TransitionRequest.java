package work.remote.ticket.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import work.remote.ticket.TicketState;
import work.remote.ticket.service.TicketService;

/** Move a ticket to {@code to}; the note lands in its timeline (and, when resolving, is the resolution). */
public record TransitionRequest(@NotNull TicketState to, @Size(max = 2_000) String note) {

    TicketService.Transition command() {
        return new TicketService.Transition(to, note);
    }
}
