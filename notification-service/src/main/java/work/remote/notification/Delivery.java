package work.remote.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.events.notification.Channel;
import work.remote.events.notification.NotificationDead;
import work.remote.events.notification.NotificationDelivered;
import work.remote.platform.problem.ProblemException;

/**
 * One message for one target, born from one event; at most one per (ce_id, channel, target, purpose). A sender
 * claims it (SENDING, until its lease runs out), sends it outside any transaction, then records how it went.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public enum State {
        /** Due at {@code nextAttemptAt}. */
        PENDING,
        /** Claimed by a sender until {@code nextAttemptAt}; due again if that sender never records an outcome. */
        SENDING,
        DELIVERED,
        DEAD
    }

    /**
     * Why a delivery exists: to tell the target about its event, to escalate a notice that did not get out, or to
     * update a ticket's first message in a bot-token channel ({@code chat.update}) with what the event changed.
     */
    public enum Purpose {
        NOTICE, ESCALATION, UPDATE
    }

    /** Why a delivery died, as metrics count it. */
    public enum DeathCause {
        /** The target refused it for good (a 4xx other than 429, an SMTP 5xx, a webhook destination not allowed). */
        REFUSED,
        /** It failed transiently until the retry window ended. */
        RETRY_WINDOW_ENDED,
        /** Its recipient is outside the allowed recipients (or has no address): nothing was sent. */
        RECIPIENT_REFUSED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @Id
    public UUID id;

    @Column(name = "ce_id")
    public String ceId;

    @Column(name = "ce_type")
    public String ceType;

    public String subject;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    /** The Slack channel name or the email address; never a webhook URL, which is a secret. */
    public String target;

    public String title;

    public String body;

    @Column(name = "html_body")
    public String htmlBody;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    public State state;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    /** When the current round of attempts began (planning, or the last replay): the retry window counts from here. */
    @Column(name = "round_started_at")
    public Instant roundStartedAt;

    /** Which claim a SENDING delivery is under, so that a sender whose claim ran out records no failure over another's. */
    @Column(name = "claim_token")
    public UUID claimToken;

    /** Where people open what the event is about (the ticket, the launch, the process), when it says. */
    public String link;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The ticket the event is about, when it is about one. */
    @Column(name = "ticket_id")
    public UUID ticketId;

    /** The launch the event belongs to, when it belongs to one. */
    @Column(name = "launch_id")
    public UUID launchId;

    /** The Slack channel id a message posted (or updated) through the Web API is in. */
    @Column(name = "slack_channel_id")
    public String slackChannelId;

    /** The Web API's {@code ts} of the message posted, or of the one updated. */
    @Column(name = "slack_ts")
    public String slackTs;

    /** The {@code ts} of the thread the message was posted in; null outside a thread. */
    @Column(name = "slack_thread_ts")
    public String slackThreadTs;

    /** Planning order, from the database: a ticket's messages to one channel keep it. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    /** The event a delivery is born from, as the log finds it. */
    public record Source(String ceId, String ceType, String subject, UUID ticketId, UUID launchId, String link) {
    }

    public static Delivery pending(Source source, PlannedTarget target, RenderedMessage message, Instant now) {
        return pending(Purpose.NOTICE, source, target, message, now);
    }

    public static Delivery pending(Purpose purpose, Source source, PlannedTarget target, RenderedMessage message,
            Instant now) {
        Delivery delivery = new Delivery();
        delivery.purpose = purpose;
        delivery.id = UUID.randomUUID();
        delivery.ceId = source.ceId();
        delivery.ceType = source.ceType();
        delivery.subject = source.subject();
        delivery.ticketId = source.ticketId();
        delivery.launchId = source.launchId();
        delivery.link = source.link();
        delivery.channel = target.channel();
        delivery.target = target.target();
        delivery.title = message.title();
        delivery.body = target.channel() == Channel.SLACK ? message.slackBlocks() : message.emailText();
        delivery.htmlBody = target.channel() == Channel.SLACK ? null : message.emailHtml();
        delivery.state = State.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        delivery.roundStartedAt = now;
        return delivery;
    }

    /** Whether a sender may claim it now: pending and due, or claimed by a sender whose lease ran out. */
    public boolean isDue(Instant now) {
        return (state == State.PENDING || state == State.SENDING) && !nextAttemptAt.isAfter(now);
    }

    /** Takes it for one attempt until {@code now + lease}; answers the claim's token. */
    public UUID claim(Instant now, Duration lease) {
        state = State.SENDING;
        nextAttemptAt = now.plus(lease);
        claimToken = UUID.randomUUID();
        return claimToken;
    }

    public boolean isClaimedWith(UUID token) {
        return state == State.SENDING && token.equals(claimToken);
    }

    /** Gives back a claim that was never sent: due again at once. */
    public void release(UUID token, Instant now) {
        if (isClaimedWith(token)) {
            state = State.PENDING;
            nextAttemptAt = now;
            claimToken = null;
        }
    }

    public void delivered(Instant now) {
        attempts++;
        state = State.DELIVERED;
        deliveredAt = now;
        lastError = null;
        claimToken = null;
    }

    /** Delivered through the Web API, which put the message at {@code ts} in channel {@code channelId}. */
    public void posted(Instant now, String channelId, String ts, String threadTs) {
        delivered(now);
        slackChannelId = channelId;
        slackTs = ts;
        slackThreadTs = threadTs;
    }

    /**
     * Keeps it pending, without an attempt, until {@code until}, because the ticket's earlier messages to the same
     * channel are not posted yet ({@code why}).
     */
    public void awaitEarlierMessages(Instant until, String why) {
        state = State.PENDING;
        nextAttemptAt = until;
        lastError = why;
    }

    /** A dead delivery gets a fresh round of attempts, starting now. */
    public void replay(Instant now) {
        if (state != State.DEAD) {
            throw ProblemException.conflict("not-dead", "Only dead deliveries can be replayed",
                    "Delivery " + id + " is " + state);
        }
        state = State.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        roundStartedAt = now;
    }

    /**
     * Records a transient failure: another attempt after {@code retryIn} (the last one when the retry window ends
     * sooner), or dead when the window has ended.
     *
     * @return the cause of death, or empty while it is retried
     */
    public Optional<DeathCause> failed(String error, Duration retryIn, Duration retryWindow, Instant now) {
        attempts++;
        claimToken = null;
        Instant windowEnds = roundStartedAt.plus(retryWindow);
        if (!now.isBefore(windowEnds)) {
            lastError = "Retried for " + retryWindow.toString().substring(2).toLowerCase(Locale.ROOT)
                    + " without success; the last attempt: " + error;
            state = State.DEAD;
            return Optional.of(DeathCause.RETRY_WINDOW_ENDED);
        }
        lastError = error;
        state = State.PENDING;
        Instant next = now.plus(retryIn);
        nextAttemptAt = next.isAfter(windowEnds) ? windowEnds : next;
        return Optional.empty();
    }

    /** The announcement that it was delivered; {@code link} is where the log shows it. */
    public NotificationDelivered deliveredEvent(String link) {
        return new NotificationDelivered(id, UUID.fromString(ceId), ceType, sourceSubject(), channel, target, attempts,
                deliveredAt, link);
    }

    /** The announcement that it died at {@code diedAt}; {@code link} is where the log shows it. */
    public NotificationDead deadEvent(Instant diedAt, String link) {
        return new NotificationDead(id, UUID.fromString(ceId), ceType, sourceSubject(), channel, target, attempts,
                lastError, diedAt, link);
    }

    /** A CloudEvent need not have a subject; the announcements of a delivery always name one. */
    private String sourceSubject() {
        return Objects.requireNonNullElse(subject, "");
    }

    /** Records a refusal for good: dead at once, with the target's reason. */
    public DeathCause refused(String error) {
        attempts++;
        claimToken = null;
        lastError = error;
        state = State.DEAD;
        return DeathCause.REFUSED;
    }

    /** Records a recipient that may not be mailed: dead at once with the reason, nothing sent. */
    public DeathCause recipientRefused(String reason) {
        refused(reason);
        return DeathCause.RECIPIENT_REFUSED;
    }
}
