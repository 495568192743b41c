package work.remote.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** Sends a delivery's text and HTML bodies over SMTP. */
@ApplicationScoped
public class EmailSender {

    private final Mailer mailer;

    @Inject
    public EmailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    public SendResult send(Delivery delivery) {
        try {
            mailer.send(Mail.withText(delivery.target, delivery.title, delivery.body).setHtml(delivery.htmlBody));
            return SendResult.delivered();
        } catch (RuntimeException e) {
            return SendResult.retry("SMTP delivery to " + delivery.target + " failed: " + e.getMessage());
        }
    }
}
