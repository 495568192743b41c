package work.remote.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class DevInfraTest {

    @Test
    void handsTheSharedInfrastructureToQuarkusAsConfiguration() throws Exception {
        Map<String, String> config = new RemoteWorkTestResource().start();

        assertThat(config).containsOnlyKeys(
                "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password",
                "kafka.bootstrap.servers", "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer",
                "quarkus.mailer.host", "quarkus.mailer.port", "quarkus.mailer.mock", "quarkus.mailer.start-tls",
                "quarkus.mailer.from",
                "notification.slack.webhook-url");
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                ResultSet rows = connection.createStatement().executeQuery("select current_database()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("remote_work");
        }
        assertThat(java.nio.file.Path.of(config.get("mp.jwt.verify.publickey.location")))
                .hasContent(RemoteWorkTestResource.tokens().publicKeyPem());
        assertThat(config)
                .containsEntry("kafka.bootstrap.servers", RemoteWorkTestResource.kafka().bootstrapServers())
                .containsEntry("mp.jwt.verify.issuer", DevTokens.ISSUER)
                .containsEntry("quarkus.mailer.host", "127.0.0.1")
                .containsEntry("quarkus.mailer.port", Integer.toString(RemoteWorkTestResource.smtp().port()))
                .containsEntry("quarkus.mailer.mock", "false")
                .containsEntry("quarkus.mailer.from", "remote-work@localhost.test")
                .containsEntry("notification.slack.webhook-url", RemoteWorkTestResource.slack().webhookUrl("T0/B0/test"));
    }

    @Test
    void keepsTheInfrastructureRunningWhenQuarkusStopsTheResource() {
        RemoteWorkTestResource resource = new RemoteWorkTestResource();
        resource.start();

        resource.stop();

        assertThat(RemoteWorkTestResource.kafka().isRunning()).isTrue();
        assertThat(new RemoteWorkTestResource().start().get("kafka.bootstrap.servers"))
                .isEqualTo(RemoteWorkTestResource.kafka().bootstrapServers());
    }

    /** What Quarkus does for each test profile: load dev-infra again in another class loader. */
    @Test
    void sharesPostgresKafkaAndTheSigningKeyWithACopyInAnotherClassLoader() throws Exception {
        DevInfra ours = DevInfra.shared();
        try (URLClassLoader isolated = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> theirClass = isolated.loadClass(DevInfra.class.getName());
            assertThat(theirClass).isNotSameAs(DevInfra.class);
            Object theirs = theirClass.getMethod("shared").invoke(null);
            Object theirKafka = theirClass.getMethod("kafka").invoke(theirs);
            Object theirPostgres = theirClass.getMethod("postgres").invoke(theirs);
            Object theirTokens = theirClass.getMethod("tokens").invoke(theirs);
            Object theirSmtp = theirClass.getMethod("smtp").invoke(theirs);

            assertThat(theirKafka.getClass().getMethod("bootstrapServers").invoke(theirKafka))
                    .isEqualTo(ours.kafka().bootstrapServers());
            assertThat(theirPostgres.getClass().getMethod("jdbcUrl", String.class).invoke(theirPostgres, "remote_work"))
                    .isEqualTo(ours.postgres().jdbcUrl("remote_work"));
            String theirToken = (String) theirTokens.getClass().getMethod("token", String.class, String[].class)
                    .invoke(theirTokens, "olga", new String[] { "ops" });
            JwtClaims claims = new JwtConsumerBuilder().setVerificationKey(ours.tokens().publicKey())
                    .setExpectedIssuer(DevTokens.ISSUER).build().processToClaims(theirToken);
            assertThat(claims.getSubject()).isEqualTo("olga");
            assertThat(theirSmtp.getClass().getMethod("port").invoke(theirSmtp)).isNotEqualTo(ours.smtp().port());

            theirClass.getMethod("close").invoke(theirs);
            assertThat(ours.kafka().isRunning()).isTrue();
        }
    }

    private static URL[] classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalArgumentException(entry, e);
                    }
                })
                .toArray(URL[]::new);
    }
}
