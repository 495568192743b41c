package work.remote.devinfra;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server on 127.0.0.1 (GreenMail, no authentication) that keeps every mail it receives. */
public final class SmtpServer implements AutoCloseable {

    /**
     * How clients should treat this server's STARTTLS offer: it has no certificate a client would trust, and a
     * Quarkus mailer that tries to upgrade can stall until the server's 30 s socket timeout.
     */
    public static final String START_TLS = "DISABLED";

    /**
     * One received mail. {@code to} holds every envelope recipient (To, Cc and Bcc alike); {@code text} and
     * {@code html} are the plain and HTML alternatives with {@code \n} line ends, {@code null} when the mail has
     * none.
     */
    public record ReceivedMail(String from, List<String> to, String subject, String text, String html,
            Instant receivedAt) {

        public long receivedAtEpochMicros() {
            return receivedAt.getEpochSecond() * 1_000_000L + receivedAt.getNano() / 1_000;
        }
    }

    private final GreenMail greenMail;

    private SmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** @param port 0 for a free port */
    public static SmtpServer start(int port) {
        if (port != 0) {
            Ports.requireFree(port, "the SMTP server");
        }
        GreenMail greenMail = new GreenMail(new ServerSetup(Ports.freeOr(port), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return new SmtpServer(greenMail);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /**
     * Every mail received so far, oldest first. GreenMail keeps one copy per recipient mailbox; the n-th copies
     * of a Message-ID in several mailboxes are one mail addressed to all of them, so a mail sent twice shows
     * twice.
     */
    public List<ReceivedMail> messages() {
        ImapHostManager mailboxes = greenMail.getManagers().getImapHostManager();
        Map<Object, MailCopies> byDelivery = new LinkedHashMap<>();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            Map<String, Integer> copiesInThisMailbox = new HashMap<>();
            for (StoredMessage stored : inbox(mailboxes, user)) {
                String messageId = messageId(stored);
                Object delivery = messageId == null
                        ? stored
                        : messageId + "#" + copiesInThisMailbox.merge(messageId, 1, Integer::sum);
                byDelivery.computeIfAbsent(delivery, key -> new MailCopies(stored)).recipients.add(user.getEmail());
            }
        }
        return byDelivery.values().stream()
                .map(MailCopies::toReceivedMail)
                .sorted(Comparator.comparing(ReceivedMail::receivedAt))
                .toList();
    }

    /** Forgets every mail received so far. */
    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("cannot clear the SMTP server's mailboxes", e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static List<StoredMessage> inbox(ImapHostManager mailboxes, GreenMailUser user) {
        try {
            return mailboxes.getInbox(user).getMessages();
        } catch (FolderException e) {
            throw new IllegalStateException("cannot read the mailbox of " + user.getEmail(), e);
        }
    }

    private static String messageId(StoredMessage stored) {
        try {
            return stored.getMimeMessage().getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static final class MailCopies {

        private final StoredMessage first;
        private final List<String> recipients = new ArrayList<>();

        MailCopies(StoredMessage first) {
            this.first = first;
        }

        ReceivedMail toReceivedMail() {
            MimeMessage message = first.getMimeMessage();
            try {
                Bodies bodies = new Bodies();
                bodies.collect(message);
                return new ReceivedMail(from(message), List.copyOf(recipients), message.getSubject(), bodies.text,
                        bodies.html, first.getReceivedDate().toInstant());
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("cannot parse a received mail", e);
            }
        }

        private static String from(Message message) throws MessagingException {
            var from = message.getFrom();
            if (from == null || from.length == 0) {
                return null;
            }
            return from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
        }
    }

    /** The first text/plain and text/html parts that are not attachments, at any depth of multiparts. */
    private static final class Bodies {

        private String text;
        private String html;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("text/plain") && text == null) {
                text = lines(part);
            } else if (part.isMimeType("text/html") && html == null) {
                html = lines(part);
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            }
        }

        /** Mail travels with CRLF line ends; tests compare with Java strings. */
        private static String lines(Part part) throws MessagingException, IOException {
            return ((String) part.getContent()).replace("\r\n", "\n");
        }
    }
}
