package work.remote.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The Docker-free stand-in for Dev Services: hands the shared {@link DevInfra} of this JVM to the Quarkus
 * application under test. Put {@code @WithTestResource(RemoteWorkTestResource.class)} on every
 * {@code @QuarkusTest} class (classes with the same resources and profile share one application), or
 * {@code @WithTestResource(value = RemoteWorkTestResource.class, scope = TestResourceScope.GLOBAL)} on one.
 * The infrastructure outlives {@link #stop()}, which Quarkus calls whenever it restarts the application for
 * another test profile; it stops when the JVM exits.
 */
public class RemoteWorkTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String SLACK_WEBHOOK_NAME = "T0/B0/test";
    public static final String MAIL_FROM = "remote-work@localhost.test";
    /** The signing secret {@link #slackRequests()} signs with; give the service under test the same one. */
    public static final String SLACK_SIGNING_SECRET = "dev-infra-slack-signing-secret";

    @Override
    public Map<String, String> start() {
        DevInfra infra = DevInfra.shared();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(DevInfra.DATABASE));
        config.put("quarkus.datasource.username", infra.postgres().username());
        config.put("quarkus.datasource.password", infra.postgres().password());
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", publicKeyFile(infra.tokens()).toString());
        config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        config.put("quarkus.mailer.host", infra.smtp().host());
        config.put("quarkus.mailer.port", Integer.toString(infra.smtp().port()));
        config.put("quarkus.mailer.mock", "false");
        config.put("quarkus.mailer.start-tls", SmtpServer.START_TLS);
        config.put("quarkus.mailer.from", MAIL_FROM);
        config.put("notification.slack.webhook-url", infra.slack().webhookUrl(SLACK_WEBHOOK_NAME));
        return config;
    }

    /** The verification key goes the way it goes in production: as a file the service reads at start. */
    private static Path publicKeyFile(DevTokens tokens) {
        try {
            Path file = Files.createTempFile("remote-work-jwt-", ".pem");
            file.toFile().deleteOnExit();
            tokens.writePublicKey(file);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JWT public key", e);
        }
    }

    @Override
    public void stop() {
        // the shared infrastructure stops with the JVM, see DevInfra.shared()
    }

    public static PostgresServer postgres() {
        return DevInfra.shared().postgres();
    }

    public static KafkaBroker kafka() {
        return DevInfra.shared().kafka();
    }

    public static SmtpServer smtp() {
        return DevInfra.shared().smtp();
    }

    public static SlackSink slack() {
        return DevInfra.shared().slack();
    }

    /** Signed slash commands and interactions, with trigger ids and response URLs of {@link #slack()}. */
    public static SlackRequests slackRequests() {
        return slack().requests(SLACK_SIGNING_SECRET);
    }

    public static DevTokens tokens() {
        return DevInfra.shared().tokens();
    }
}
