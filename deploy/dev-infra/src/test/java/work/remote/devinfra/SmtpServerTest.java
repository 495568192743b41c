package work.remote.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

class SmtpServerTest {

    static SmtpServer smtp;
    static SinkConsole console;

    @BeforeAll
    static void startServers() {
        smtp = SmtpServer.start(0);
        console = SinkConsole.start(0, smtp);
    }

    @AfterAll
    static void closeServers() {
        console.close();
        smtp.close();
    }

    @BeforeEach
    void forgetEarlierMail() {
        smtp.clear();
    }

    @Test
    void keepsAMultipartAlternativeMailWithItsTextAndHtml() throws Exception {
        Instant before = Instant.now().minusSeconds(1);

        send("Critical issue: withdrawals fail", "Ticket T-42 blocks withdrawals", "<p>Ticket <a href=\"http://t/42\">T-42</a></p>",
                "product@remote.test", "ops@remote.test");

        await().atMost(Duration.ofSeconds(10)).until(() -> !smtp.messages().isEmpty());
        assertThat(smtp.messages()).singleElement().satisfies(mail -> {
            assertThat(mail.from()).isEqualTo("remote-work@localhost.test");
            assertThat(mail.to()).containsExactlyInAnyOrder("product@remote.test", "ops@remote.test");
            assertThat(mail.subject()).isEqualTo("Critical issue: withdrawals fail");
            assertThat(mail.text()).isEqualTo("Ticket T-42 blocks withdrawals");
            assertThat(mail.html()).contains("<a href=\"http://t/42\">T-42</a>");
            assertThat(mail.receivedAt()).isBetween(before, Instant.now());
        });
    }

    @Test
    void showsAMailSentTwiceTwiceEvenWithTheSameMessageId() throws Exception {
        MimeMessage message = message("<reminder-1@remote.test>", "Reminder", "Twice", "<p>Twice</p>",
                "agent@remote.test", "lead@remote.test");
        Transport.send(message);
        Transport.send(message);

        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.messages().size() == 2);
        assertThat(smtp.messages()).allSatisfy(mail ->
                assertThat(mail.to()).containsExactlyInAnyOrder("agent@remote.test", "lead@remote.test"));
    }

    @Test
    void listsMailAsJsonOnTheConsole() throws Exception {
        send("Launch started", "The launch is live", "<p>The launch is live</p>", "cs@remote.test");
        await().atMost(Duration.ofSeconds(10)).until(() -> !smtp.messages().isEmpty());

        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(console.mailUrl())).build(),
                BodyHandlers.ofString()).body();

        JsonNode mail = new ObjectMapper().readTree(body).get(0);
        assertThat(mail.get("subject").asText()).isEqualTo("Launch started");
        assertThat(mail.get("to").get(0).asText()).isEqualTo("cs@remote.test");
        assertThat(mail.get("text").asText()).isEqualTo("The launch is live");
        assertThat(mail.get("receivedAtEpochMicros").asLong()).isEqualTo(smtp.messages().get(0).receivedAtEpochMicros());
    }

    private static void send(String subject, String text, String html, String... recipients) throws MessagingException {
        Transport.send(message(null, subject, text, html, recipients));
    }

    /** @param messageId kept on every send when given, else a new one each time as usual */
    private static MimeMessage message(String messageId, String subject, String text, String html, String... recipients)
            throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (messageId == null) {
                    super.updateMessageID();
                } else {
                    setHeader("Message-ID", messageId);
                }
            }
        };
        message.setFrom(new InternetAddress("remote-work@localhost.test"));
        message.setRecipient(RecipientType.TO, new InternetAddress(recipients[0]));
        for (int i = 1; i < recipients.length; i++) {
            message.addRecipient(RecipientType.BCC, new InternetAddress(recipients[i]));
        }
        message.setSubject(subject);
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(html, "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        return message;
    }
}
