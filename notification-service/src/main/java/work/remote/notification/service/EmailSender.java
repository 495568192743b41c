package work.remote.notification.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;

import work.remote.notification.Attempt;


/**
 * Sends an attempt's text and HTML bodies over SMTP. A permanent SMTP refusal (5xx), a message the mail client
 * refuses to compose, a recipient without an address or outside the allowed recipients ({@link EmailDirectory}) is
 * final; anything else (a 4xx, a lost or refused connection, a timeout) is worth retrying. What the SMTP server
 * answers is never kept: an error is its reply code and a fixed reason.
 */
@ApplicationScoped
public class EmailSender {

    private final Mailer mailer;
    private final EmailDirectory directory;

    @Inject
    public EmailSender(Mailer mailer, EmailDirectory directory) {
        this.mailer = mailer;
        this.directory = directory;
    }

    /** A target that is a person id is addressed now, so a replay after the directory learnt them goes out. */
    public SendResult send(Attempt attempt) {
        EmailDirectory.Recipient recipient = directory.recipient(attempt.target());
        if (recipient.refusal().isPresent()) {
            return SendResult.recipientRefused(recipient.refusal().get());
        }
        String address = recipient.address().orElseThrow();
        try {
            mailer.send(Mail.withText(address, attempt.title(), attempt.body()).setHtml(attempt.htmlBody()));
            return SendResult.delivered();
        } catch (RuntimeException e) {
            Optional<SMTPException> refusal = cause(e, SMTPException.class);
            String error = "SMTP delivery to " + attempt.target() + " failed: " + refusal
                    .map(smtp -> "the server answered " + smtp.getReplyCode()
                            + (smtp.isPermanent() ? " (refused)" : " (try again later)"))
                    .orElseGet(() -> cause(e, IllegalArgumentException.class).isPresent() ? "the message is invalid"
                            : "connection failed");
            boolean permanent = refusal.filter(SMTPException::isPermanent).isPresent()
                    || cause(e, IllegalArgumentException.class).isPresent();
            return permanent ? SendResult.giveUp(error) : SendResult.retry(error);
        }
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return Optional.of(kind.cast(cause));
            }
        }
        return Optional.empty();
    }
}
