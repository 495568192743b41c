package work.remote.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import work.remote.events.notification.Channel;
import work.remote.notification.route.PlannedTarget;
import work.remote.problem.ProblemException;

/** One message for one target, born from one event; at most one per (ce_id, channel, target). */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public enum State {
        PENDING, DELIVERED, DEAD
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
    public State state;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

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

    /** The event a delivery is born from, as the log finds it. */
    public record Source(String ceId, String ceType, String subject, UUID ticketId, UUID launchId) {
    }

    public static Delivery pending(Source source, PlannedTarget target, RenderedMessage message, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.ceId = source.ceId();
        delivery.ceType = source.ceType();
        delivery.subject = source.subject();
        delivery.ticketId = source.ticketId();
        delivery.launchId = source.launchId();
        delivery.channel = target.channel();
        delivery.target = target.target();
        delivery.title = message.title();
        delivery.body = target.channel() == Channel.SLACK ? message.slackBlocks() : message.emailText();
        delivery.htmlBody = target.channel() == Channel.SLACK ? null : message.emailHtml();
        delivery.state = State.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    public void delivered(Instant now) {
        attempts++;
        state = State.DELIVERED;
        deliveredAt = now;
        lastError = null;
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
    }

    /** Records a failed attempt: retry after {@code retryIn}, or dead once {@code maxAttempts} are used up. */
    public void failed(String error, Duration retryIn, int maxAttempts, Instant now) {
        attempts++;
        lastError = error;
        if (attempts >= maxAttempts) {
            state = State.DEAD;
        } else {
            nextAttemptAt = now.plus(retryIn);
        }
    }
}
