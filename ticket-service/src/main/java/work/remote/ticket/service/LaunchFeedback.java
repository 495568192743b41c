package work.remote.ticket.service;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketType;
import work.remote.ticket.FeedbackSummary;
import work.remote.ticket.FeedbackSummary.OpenCritical;
import work.remote.ticket.FeedbackSummary.SlaOutcomes;
import work.remote.ticket.Launch;
import work.remote.ticket.Ticket;
import work.remote.ticket.TicketState;

/** Adds up a launch's feedback tickets: counts, critical issues still open, and how the deadlines went. */
@ApplicationScoped
public class LaunchFeedback {

    private final TicketService tickets;

    @Inject
    public LaunchFeedback(TicketService tickets) {
        this.tickets = tickets;
    }

    /** Counts the child tickets filed under the launch's parent feedback ticket (the parent itself is not feedback). */
    public FeedbackSummary summarise(Launch launch, Instant now) {
        List<Ticket> feedback = launch.parentTicketId == null ? List.of()
                : Ticket.<Ticket> list("launchId = ?1 and id <> ?2", launch.id, launch.parentTicketId);
        List<Ticket> critical = feedback.stream().filter(Ticket::isCritical).toList();
        List<OpenCritical> openCritical = critical.stream().filter(ticket -> ticket.resolvedAt == null)
                .map(ticket -> new OpenCritical(ticket.id, ticket.title, ticket.state, ticket.assignee, ticket.resolveBy,
                        ticket.timeRemaining(now).toSeconds(), tickets.linkTo(ticket)))
                .toList();
        long met = critical.stream().filter(ticket -> Boolean.TRUE.equals(ticket.resolvedWithinSla())).count();
        long breached = critical.stream().filter(ticket -> ticket.isBreached(now)).count();
        return new FeedbackSummary(launch.id, feedback.size(),
                countBy(feedback, ticket -> ticket.type, TicketType.class),
                countBy(feedback, ticket -> ticket.severity, Severity.class),
                countBy(feedback, ticket -> ticket.state, TicketState.class),
                openCritical, new SlaOutcomes(critical.size(), met, breached, critical.size() - met - breached));
    }

    private static <K extends Enum<K>> Map<K, Long> countBy(List<Ticket> feedback, Function<Ticket, K> key,
            Class<K> keys) {
        Map<K, Long> counts = new EnumMap<>(keys);
        for (K value : keys.getEnumConstants()) {
            counts.put(value, 0L);
        }
        counts.putAll(feedback.stream().collect(Collectors.groupingBy(key, Collectors.counting())));
        return counts;
    }
}
