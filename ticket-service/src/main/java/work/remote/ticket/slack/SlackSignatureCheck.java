package work.remote.ticket.slack;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.slack.api.app_backend.SlackSignature;

import work.remote.platform.problem.ProblemException;
import work.remote.ticket.config.TicketConfig;

/**
 * Lets through only what Slack signed with the app's signing secret ({@code X-Slack-Signature}, HMAC-SHA256 of
 * {@code v0:<timestamp>:<body>}) at most 5 minutes ago ({@code X-Slack-Request-Timestamp}); anything else is a 401
 * before a byte of the body is read as a request.
 */
@ApplicationScoped
public class SlackSignatureCheck {

    /** How far the request's timestamp may be from now, either way (Slack's own SDK only looks back). */
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final SlackSignature.Verifier verifier;
    private final Clock clock;

    @Inject
    public SlackSignatureCheck(TicketConfig config, Clock clock) {
        this.verifier = new SlackSignature.Verifier(
                new SlackSignature.Generator(config.slack().signingSecret().orElse("")));
        this.clock = clock;
    }

    /** Refuses (401) a request whose signature does not match its raw body, or whose timestamp is stale. */
    public void verify(String timestamp, String signature, byte[] rawBody) {
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            throw refusal("X-Slack-Request-Timestamp and X-Slack-Signature are required");
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(age) > WINDOW.toSeconds()) {
            throw refusal("the timestamp is more than 5 minutes away from now: a replay, or a clock far off");
        }
        if (!verifier.isValid(timestamp, new String(rawBody, StandardCharsets.UTF_8), signature, clock.millis())) {
            throw refusal("the signature does not match the body");
        }
    }

    private static ProblemException refusal(String detail) {
        return new ProblemException(401, "bad-slack-signature", "Not signed by Slack", detail, List.of());
    }
}
