package work.remote.notification.service;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import work.remote.events.notification.Channel;
import work.remote.notification.Delivery;
import work.remote.notification.SlackChannel;
import work.remote.notification.SlackDestination;
import work.remote.notification.config.NotificationConfig;

/**
 * Where a claimed Slack delivery goes, and in which thread. A channel bound to a webhook gets the message as it is. In
 * a channel bound to a bot token, a ticket's first message ({@link TicketMessages}) is posted (a critical issue's with
 * its buttons) and its ts kept; the ticket's later events are replies in its thread, and an update of it is a
 * {@code chat.update}. A reply or an update waits while an earlier message of the ticket to the same channel is not
 * out yet, so the thread keeps the order of the events and never misses its first message because of a race; after
 * {@code notification.slack.thread-wait} it goes anyway: a reply whose first message has no ts then goes to the
 * channel saying why, an update has nothing to update.
 */
@ApplicationScoped
public class SlackThreads {

    /**
     * How long a waiting reply sleeps when no earlier message's outcome wakes it up sooner (the process that recorded
     * that outcome stopped before it woke the reply).
     */
    static final Duration RECHECK = Duration.ofSeconds(5);

    private final EntityManager entityManager;
    private final Duration threadWait;
    private final SlackUsers users;

    @Inject
    public SlackThreads(EntityManager entityManager, NotificationConfig config, SlackUsers users) {
        this.entityManager = entityManager;
        this.threadWait = config.slack().threadWait();
        this.users = users;
    }

    /** Where to send a delivery now, with the message as it goes; or until when it waits, and why. */
    public record Decision(SlackDestination destination, String message, Instant waitUntil, String why) {

        static Decision send(SlackDestination destination, String message) {
            return new Decision(destination, message, null, null);
        }

        public boolean waits() {
            return waitUntil != null;
        }
    }

    /**
     * Decides, in the claim's transaction, where {@code delivery} goes at {@code now}, to its channel as
     * {@code registered} (empty: not registered).
     */
    public Decision decide(Delivery delivery, Optional<SlackChannel> registered, Instant now) {
        Optional<String> user = SlackUsers.userOf(delivery.target);
        if (user.isPresent()) {
            return Decision.send(users.botToken()
                    .<SlackDestination>map(token -> SlackDestination.WebApi.post(token, user.get()))
                    .orElseGet(() -> new SlackDestination.Unavailable("A direct message to " + delivery.target
                            + " needs the app's bot token (notification.slack.bot-token)", false)), delivery.body);
        }
        if (registered.isEmpty()) {
            return Decision.send(new SlackDestination.Unavailable("Slack channel " + delivery.target + " is not "
                    + "registered: register its incoming webhook or bot token (POST /channels) and the delivery goes "
                    + "out", true), delivery.body);
        }
        SlackChannel channel = registered.get();
        if (!channel.isBoundToBot()) {
            return delivery.purpose == Delivery.Purpose.UPDATE
                    ? Decision.send(new SlackDestination.Unavailable("Slack " + delivery.target + " is bound to an "
                            + "incoming webhook, whose messages cannot be updated", false), delivery.body)
                    : Decision.send(new SlackDestination.Webhook(channel.webhookUrl), delivery.body);
        }
        boolean followsUp = delivery.ticketId != null && (delivery.purpose == Delivery.Purpose.UPDATE
                || TicketMessages.REPLIES.contains(delivery.ceType));
        if (!followsUp) {
            boolean report = delivery.ticketId != null && TicketMessages.CRITICAL_ISSUE.equals(delivery.ceType);
            return Decision.send(SlackDestination.WebApi.post(channel.botToken, channel.slackChannelId),
                    report ? TicketMessages.withButtons(delivery.body, delivery.ticketId) : delivery.body);
        }
        Instant waitEnds = delivery.roundStartedAt.plus(threadWait);
        if (now.isBefore(waitEnds) && earlierMessageNotOut(delivery)) {
            Instant recheck = now.plus(RECHECK);
            return new Decision(null, null, recheck.isBefore(waitEnds) ? recheck : waitEnds,
                    "Waiting for the ticket's earlier messages to " + delivery.target + " to be posted, so that "
                            + "its thread keeps their order (until " + TemplateFormats.utc(waitEnds) + " at most)");
        }
        Optional<Delivery> first = firstMessage(delivery.ticketId, delivery.target, delivery.seq);
        Optional<Delivery> posted = first.filter(message -> message.slackTs != null);
        if (delivery.purpose == Delivery.Purpose.UPDATE) {
            return Decision.send(posted.<SlackDestination>map(message -> SlackDestination.WebApi.update(
                    channel.botToken, message.slackChannelId, message.slackTs))
                    .orElseGet(() -> new SlackDestination.Unavailable("Slack " + delivery.target + ": nothing to "
                            + "update, the ticket's first message " + first.map(this::whyNotPosted)
                                    .orElse("was never sent here"), false)),
                    delivery.body);
        }
        if (posted.isPresent()) {
            return Decision.send(SlackDestination.WebApi.reply(channel.botToken, posted.get().slackChannelId,
                    posted.get().slackTs, TicketMessages.BROADCAST.contains(delivery.ceType)), delivery.body);
        }
        SlackDestination.WebApi toChannel = SlackDestination.WebApi.post(channel.botToken, channel.slackChannelId);
        return first.map(message -> Decision.send(toChannel, TicketMessages.outsideItsThread(delivery.body,
                "its first message " + whyNotPosted(message)))).orElseGet(() -> Decision.send(toChannel,
                        delivery.body));
    }

    private String whyNotPosted(Delivery first) {
        return switch (first.state) {
            case DEAD -> "here could not be posted";
            case DELIVERED -> "here went through an incoming webhook, which has no thread";
            case PENDING, SENDING -> "here was still not posted " + TemplateFormats.hoursAndMinutes(
                    threadWait.toMinutes()) + " after this was planned";
        };
    }

    /** Whether a message of the same ticket to the same channel, planned before {@code delivery}, is not out yet. */
    private boolean earlierMessageNotOut(Delivery delivery) {
        return !entityManager.createQuery("""
                select d.id from Delivery d
                where d.ticketId = :ticket and d.channel = :slack and d.target = :target and d.seq < :seq
                  and d.state in (:pending, :sending)""", UUID.class)
                .setParameter("ticket", delivery.ticketId)
                .setParameter("slack", Channel.SLACK)
                .setParameter("target", delivery.target)
                .setParameter("seq", delivery.seq)
                .setParameter("pending", Delivery.State.PENDING)
                .setParameter("sending", Delivery.State.SENDING)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /**
     * The ticket's first message to channel {@code target}, planned before {@code before} (null: at any time): the
     * report of its critical issue, else its opening.
     */
    public Optional<Delivery> firstMessage(UUID ticketId, String target, Long before) {
        long plannedBefore = before == null ? Long.MAX_VALUE : before;
        List<Delivery> firsts = entityManager.createQuery("""
                from Delivery d
                where d.ticketId = :ticket and d.channel = :slack and d.target = :target and d.purpose = :notice
                  and d.ceType in :firsts and d.seq < :before
                order by case when d.ceType = :report then 0 else 1 end, d.seq""", Delivery.class)
                .setParameter("ticket", ticketId)
                .setParameter("slack", Channel.SLACK)
                .setParameter("target", target)
                .setParameter("notice", Delivery.Purpose.NOTICE)
                .setParameter("firsts", TicketMessages.FIRST_MESSAGES)
                .setParameter("before", plannedBefore)
                .setParameter("report", TicketMessages.CRITICAL_ISSUE)
                .setMaxResults(1)
                .getResultList();
        return firsts.stream().findFirst();
    }

    /** The ticket's first message in {@code target} as last planned: its latest update, else as it was sent. */
    public Optional<String> currentFirstMessage(Delivery first) {
        List<String> updates = entityManager.createQuery("""
                select d.body from Delivery d
                where d.ticketId = :ticket and d.channel = :slack and d.target = :target and d.purpose = :update
                order by d.seq desc""", String.class)
                .setParameter("ticket", first.ticketId)
                .setParameter("slack", Channel.SLACK)
                .setParameter("target", first.target)
                .setParameter("update", Delivery.Purpose.UPDATE)
                .setMaxResults(1)
                .getResultList();
        return updates.stream().findFirst();
    }

    /**
     * Makes the messages that wait behind {@code deliveries} (their tickets' later messages to the same Slack
     * channels) due at once, in one statement.
     */
    public void wakeUpLaterMessages(List<UUID> deliveries, Instant now) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement wakeUp = connection.prepareStatement("""
                    update delivery later set next_attempt_at = ?
                    from delivery done
                    where done.id = any(?) and done.channel = 'SLACK' and done.ticket_id is not null
                      and later.ticket_id = done.ticket_id and later.channel = 'SLACK' and later.target = done.target
                      and later.seq > done.seq and later.state = 'PENDING' and later.next_attempt_at > ?""")) {
                OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
                wakeUp.setObject(1, at);
                wakeUp.setArray(2, connection.createArrayOf("uuid", deliveries.toArray()));
                wakeUp.setObject(3, at);
                wakeUp.executeUpdate();
            }
        });
    }
}
