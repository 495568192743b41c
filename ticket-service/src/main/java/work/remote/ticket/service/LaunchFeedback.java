package work.remote.ticket.service;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;

import io.quarkus.panache.common.Sort;

import work.remote.events.ticket.Severity;
import work.remote.events.ticket.TicketType;
import work.remote.platform.links.Links;
import work.remote.platform.query.Criteria;
import work.remote.ticket.FeedbackSummary;
import work.remote.ticket.FeedbackSummary.OpenCritical;
import work.remote.ticket.FeedbackSummary.SlaOutcomes;
import work.remote.ticket.Launch;
import work.remote.ticket.Ticket;
import work.remote.ticket.TicketState;

/**
 * Adds up a launch's feedback tickets in the database: counts, the most urgent critical issues still open, and how the
 * deadlines went. However many tickets a launch gets, the summary stays the same size.
 */
@ApplicationScoped
public class LaunchFeedback {

    /** How many feedback tickets have one combination of type, severity and state. */
    private record Tally(TicketType type, Severity severity, TicketState state, long tickets) {
    }

    private final TicketService tickets;
    private final Links links;

    @Inject
    public LaunchFeedback(TicketService tickets, Links links) {
        this.tickets = tickets;
        this.links = links;
    }

    /** Counts the child tickets filed under the launch's parent feedback ticket (the parent itself is not feedback). */
    public FeedbackSummary summarise(Launch launch, Instant now) {
        List<Tally> tallies = tally(feedbackOf(launch));
        long critical = tallies.stream().filter(tally -> tally.severity() == Severity.CRITICAL)
                .mapToLong(Tally::tickets).sum();
        Criteria breached = Ticket.breached(now);
        long met = count(criticalFeedbackOf(launch).add("resolvedAt <= resolveBy", Map.of()));
        long breachedCount = count(criticalFeedbackOf(launch).add(breached.query(), breached.parameters()));
        Criteria openCritical = criticalFeedbackOf(launch).add("resolvedAt is null", Map.of());
        return new FeedbackSummary(launch.id, tallies.stream().mapToLong(Tally::tickets).sum(),
                countBy(tallies, Tally::type, TicketType.class),
                countBy(tallies, Tally::severity, Severity.class),
                countBy(tallies, Tally::state, TicketState.class),
                mostUrgent(openCritical, now), count(openCritical),
                links.to("tickets") + "?launchId=" + launch.id + "&severity=" + Severity.CRITICAL + "&resolved=false",
                new SlaOutcomes(critical, met, breachedCount, critical - met - breachedCount));
    }

    /** The launch's tickets but its parent feedback ticket. */
    private static Criteria feedbackOf(Launch launch) {
        Criteria feedback = Criteria.where().equal("launchId", launch.id);
        return launch.parentTicketId == null ? feedback
                : feedback.add("id <> :parent", Map.of("parent", launch.parentTicketId));
    }

    private static Criteria criticalFeedbackOf(Launch launch) {
        return feedbackOf(launch).equal("severity", Severity.CRITICAL);
    }

    private static List<Tally> tally(Criteria feedback) {
        TypedQuery<Object[]> query = Ticket.getEntityManager().createQuery("select type, severity, state, count(*)"
                + " from Ticket where " + feedback.query() + " group by type, severity, state", Object[].class);
        feedback.parameters().forEach(query::setParameter);
        return query.getResultList().stream()
                .map(row -> new Tally((TicketType) row[0], (Severity) row[1], (TicketState) row[2], (Long) row[3]))
                .toList();
    }

    private static long count(Criteria where) {
        return Ticket.count(where.query(), where.parameters());
    }

    private List<OpenCritical> mostUrgent(Criteria openCritical, Instant now) {
        return Ticket.<Ticket> find(openCritical.query(), Sort.by("resolveBy").and("id"), openCritical.parameters())
                .page(0, FeedbackSummary.OPEN_CRITICAL_SHOWN).list().stream()
                .map(ticket -> new OpenCritical(ticket.id, ticket.title, ticket.state, ticket.assignee,
                        ticket.resolveBy, ticket.timeRemaining(now).toSeconds(), tickets.linkTo(ticket)))
                .toList();
    }

    private static <K extends Enum<K>> Map<K, Long> countBy(List<Tally> tallies, Function<Tally, K> key,
            Class<K> keys) {
        Map<K, Long> counts = new EnumMap<>(keys);
        for (K value : keys.getEnumConstants()) {
            counts.put(value, 0L);
        }
        tallies.forEach(tally -> counts.merge(key.apply(tally), tally.tickets(), Long::sum));
        return counts;
    }
}
