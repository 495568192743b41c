package work.remote.notification.delivery;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

import work.remote.notification.route.EmailDirectory;

/** Sends a delivery's text and HTML bodies over SMTP. */
@ApplicationScoped
public class EmailSender {

    private final Mailer mailer;
    private final EmailDirectory directory;

    @Inject
    public EmailSender(Mailer mailer, EmailDirectory directory) {
        this.mailer = mailer;
        this.directory = directory;
    }

    /** A target that is a person's name is addressed now, so a replay after the directory learnt them goes out. */
    public SendResult send(Delivery delivery) {
        Optional<String> address = directory.addressOf(delivery.target);
        if (address.isEmpty()) {
            return SendResult.giveUp("No email address is known for " + delivery.target
                    + ": add notification.email.people.\"" + delivery.target
                    + "\" or notification.email.person-domain, then replay");
        }
        try {
            mailer.send(Mail.withText(address.get(), delivery.title, delivery.body).setHtml(delivery.htmlBody));
            return SendResult.delivered();
        } catch (RuntimeException e) {
            return SendResult.retry("SMTP delivery to " + delivery.target + " failed: " + e.getMessage());
        }
    }
}
