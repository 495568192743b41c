package work.remote.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import work.remote.devinfra.DevTokens;
import work.remote.devinfra.PostgresServer;

class LocalStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIRST_UNEPHEMERAL_PORT = 20_000;
    private static final int UNEPHEMERAL_PORTS = 12_000;
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(new Random().nextInt(UNEPHEMERAL_PORTS));

    @Test
    void namesEveryServiceThatIsNotBuiltBeforeStartingAnything(@TempDir Path root) {
        LocalStack stack = new LocalStack(root, Map.of(), freePorts());

        assertThatThrownBy(stack::start)
                .hasMessageContaining("process-service/target/quarkus-app/quarkus-run.jar")
                .hasMessageContaining("meeting-service/target/quarkus-app/quarkus-run.jar")
                .hasMessageContaining("ticket-service/target/quarkus-app/quarkus-run.jar")
                .hasMessageContaining("notification-service/target/quarkus-app/quarkus-run.jar")
                .hasMessageContaining("./mvnw package -DskipTests -Plocal-stack");
        assertThat(stack.home()).doesNotExist();
    }

    @Test
    void startsTheInfrastructureAndTheServicesTellsWhereAndStopsEverything(@TempDir Path root) throws Exception {
        StackPorts ports = freePorts();
        for (StackService service : ports.services()) {
            fakeServiceJar(root, service.name(), FakeService.class);
        }
        LocalStack stack = new LocalStack(root, ClassDataArchivesTest.ON, ports);

        try {
            stack.start();

            Properties written = load(stack.home().resolve("stack.properties"));
            assertThat(written)
                    .containsEntry("process.url", "http://localhost:" + ports.process())
                    .containsEntry("meeting.url", "http://localhost:" + ports.meeting())
                    .containsEntry("ticket.url", "http://localhost:" + ports.ticket())
                    .containsEntry("notification.url", "http://localhost:" + ports.notification())
                    .containsEntry("slack.sink.url", "http://localhost:" + ports.sinks())
                    .containsEntry("mail.url", "http://localhost:" + ports.sinks() + "/mail")
                    .containsEntry("kafka.bootstrap", "127.0.0.1:" + ports.kafka())
                    .containsEntry("tokens.url", "http://localhost:" + ports.tokens() + "/tokens")
                    .containsEntry("slack.signing-secret", ServiceConfig.SLACK_SIGNING_SECRET)
                    .containsKeys(DevTokens.ROLES.stream().map(role -> "token." + role).toArray());
            String pem = Files.readString(stack.home().resolve("jwt/publicKey.pem"));
            assertThat(new JwtConsumerBuilder().setVerificationKey(publicKey(pem)).setExpectedIssuer(DevTokens.ISSUER)
                    .build().processToClaims(written.getProperty("token.cs-agent")).getStringListClaimValue("groups"))
                    .containsExactly("cs-agent");

            HttpResponse<String> minted = get(written.getProperty("tokens.url") + "?person=lena&roles=cs-lead");
            assertThat(minted.statusCode()).isEqualTo(200);
            JwtClaims lena = new JwtConsumerBuilder().setVerificationKey(publicKey(pem))
                    .setExpectedIssuer(DevTokens.ISSUER).build().processToClaims(minted.body().strip());
            assertThat(lena.getSubject()).isEqualTo("lena");
            assertThat(lena.getStringListClaimValue("groups")).containsExactly("cs-lead");
            assertRefused(get(written.getProperty("tokens.url") + "?roles=cs-lead"), "person");
            assertRefused(get(written.getProperty("tokens.url") + "?person=lena&roles=boss"), "roles");

            String ticketLog = Files.readString(stack.home().resolve("logs/ticket-service.log"));
            assertThat(ticketLog)
                    .contains("config quarkus.http.port=" + ports.ticket())
                    .contains("config quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/ticket")
                    .contains("config kafka.bootstrap.servers=127.0.0.1:" + ports.kafka())
                    .contains("config remote-work.instance-id=ticket-service-" + ports.ticket())
                    .contains("config mp.jwt.verify.publickey.location=" + stack.home().resolve("jwt/publicKey.pem"))
                    .contains("config mp.jwt.verify.issuer=" + DevTokens.ISSUER)
                    .contains("config quarkus.mailer.port=" + ports.smtp())
                    .contains("config notification.slack.webhook-url=http://127.0.0.1:" + ports.sinks() + "/services/T0/B0/local")
                    .contains("config notification.slack.bot-channels.\"#product\"=C0PRODUCT")
                    .contains("config ticket.slack.enabled=true")
                    .contains("config ticket.slack.api-url=http://127.0.0.1:" + ports.sinks() + "/api/")
                    .contains("config ticket.slack.people.U0PAULA.person=paula")
                    .contains("config ticket.slack.people.U0PAULA.roles=product");
            assertTheServicesProcessesAreListedSizedAndRestartedOnRequest(stack, ports, written);

            PostgresServer postgres = PostgresServer.external("jdbc:postgresql://127.0.0.1:" + ports.postgres(), "postgres", "postgres");
            assertThat(postgres.jdbcUrl("notification")).endsWith("/notification");

            assertThat(stack.summary())
                    .contains("http://localhost:" + ports.ticket() + "/q/openapi")
                    .doesNotContain("/q/swagger-ui")
                    .contains("http://localhost:" + ports.process() + "/q/openapi")
                    .contains("http://localhost:" + ports.management().meeting() + "/q/health")
                    .contains("http://localhost:" + ports.management().notification() + "/q/metrics")
                    .contains("http://localhost:" + ports.sinks() + "/calls")
                    .contains("http://localhost:" + ports.sinks() + "/mail")
                    .contains("http://localhost:" + ports.sinks() + "/messages")
                    .contains("curl -X POST 'http://localhost:" + ports.sinks()
                            + "/slack/try/report?user=U0ALI&channel=C0CSLAUNCH&channelName=cs-launch-instant-withdrawals")
                    .contains("/slack/try/press?user=U0PAULA&action=ticket.acknowledge&ticket=<ticket id>")
                    .contains("jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/meeting")
                    .contains("export TOKEN_CS_LEAD=" + written.getProperty("token.cs-lead"))
                    .contains("TOKEN=$(curl -s 'http://localhost:" + ports.tokens() + "/tokens?person=ali&roles=cs-agent')")
                    .contains("curl -X POST localhost:" + ports.ticket() + "/tickets -H \"Authorization: Bearer $TOKEN\"")
                    .containsPattern("started +ready \\d+\\.\\d s after its start \\(CPU \\d+\\.\\d s\\), RSS \\d+ MB")
                    .contains("http://localhost:" + ports.control() + "/services");
        } finally {
            stack.stop();
        }

        for (int port : new int[] { ports.postgres(), ports.kafka(), ports.smtp(), ports.sinks(), ports.tokens(), ports.control(), ports.process(),
                ports.meeting(), ports.ticket(), ports.notification() }) {
            assertThat(listening(port)).as("something still listens on port %d", port).isFalse();
        }
    }

    @Test
    void showsTheLogOfAServiceThatDiesAndStopsTheRest(@TempDir Path root) throws Exception {
        StackPorts ports = freePorts();
        for (StackService service : ports.services()) {
            fakeServiceJar(root, service.name(), service.name().equals("meeting-service") ? CrashingService.class : FakeService.class);
        }
        try (PostgresServer postgres = PostgresServer.startEmbedded(0, null)) {
            Map<String, String> env = Map.of(
                    "REMOTE_WORK_JDBC_URL", postgres.jdbcUrl("postgres"),
                    "REMOTE_WORK_DB_USER", postgres.username(),
                    "REMOTE_WORK_DB_PASSWORD", postgres.password(),
                    "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka());
            LocalStack stack = new LocalStack(root, env, ports);

            assertThatThrownBy(stack::start)
                    .hasMessageContaining("meeting-service did not become ready: it exited with code 3")
                    .hasMessageContaining("boom: the database refused the connection");

            assertThat(listening(ports.process())).isFalse();
            assertThat(listening(ports.sinks())).isFalse();
            assertThat(listening(ports.kafka())).as("no broker of our own when KAFKA_BOOTSTRAP_SERVERS is set").isFalse();
        }
    }

    private static void assertTheServicesProcessesAreListedSizedAndRestartedOnRequest(LocalStack stack, StackPorts ports,
            Properties written) throws Exception {
        String services = "http://localhost:" + ports.control() + "/services";
        assertThat(written).containsEntry("services.url", services)
                .containsEntry("ticket.management.url", "http://localhost:" + ports.management().ticket());
        JsonNode listed = JSON.readTree(get(services).body());
        assertThat(listed).extracting(service -> service.path("name").asText())
                .containsExactly("process-service", "meeting-service", "ticket-service", "notification-service");
        for (JsonNode service : listed) {
            long pid = service.path("pid").asLong();
            assertThat(written.getProperty(service.path("name").asText().replace("-service", "") + ".pid"))
                    .isEqualTo(Long.toString(pid));
            assertThat(service.path("startMillis").asLong()).isPositive();
            assertThat(service.path("startCpuMillis").asLong()).isPositive();
            assertThat(service.path("rssBytes").asLong()).as("a JVM's resident set").isGreaterThan(10L << 20);
            assertThat(ProcessHandle.of(pid).orElseThrow().info().arguments().orElseThrow())
                    .contains(ServiceJvm.SIZING.toArray(String[]::new))
                    .as("once up, every service reads its class-data archive: none runs on as the JVM that wrote it")
                    .anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile="))
                    .doesNotContain("-XX:+RecordDynamicDumpInfo");
        }
        long meetingPid = JSON.readTree(get(services + "/meeting-service").body()).path("pid").asLong();

        HttpResponse<String> restarted = post(services + "/meeting-service/restart");

        assertThat(restarted.statusCode()).isEqualTo(200);
        JsonNode meeting = JSON.readTree(restarted.body());
        assertThat(meeting.path("name").asText()).isEqualTo("meeting-service");
        assertThat(meeting.path("pid").asLong()).isNotEqualTo(meetingPid);
        assertThat(ProcessHandle.of(meetingPid)).isEmpty();
        assertThat(ProcessHandle.of(meeting.path("pid").asLong()).orElseThrow().info().arguments().orElseThrow())
                .as("the restarted process reads the class-data archive its first start recorded")
                .anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile="));
        assertThat(meeting.path("restartMillis").asLong()).isGreaterThanOrEqualTo(meeting.path("startMillis").asLong());
        assertThat(stack.status("meeting-service").pid()).isEqualTo(meeting.path("pid").asLong());
        assertThat(load(stack.home().resolve("stack.properties")).getProperty("meeting.pid"))
                .isEqualTo(meeting.path("pid").asText());

        HttpResponse<String> unknown = post(services + "/billing-service/restart");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.body()).contains("\"field\":\"service\"");
        assertThat(get(services + "/meeting-service/restart").statusCode()).isEqualTo(405);
    }

    private static HttpResponse<String> post(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response, String parameter) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"" + parameter + "\"");
    }

    static void fakeServiceJar(Path root, String service, Class<?> main) throws IOException {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        String classFile = main.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream bytes = main.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new JarEntry(classFile));
            bytes.transferTo(out);
            out.closeEntry();
        }
    }

    static StackPorts freePorts() {
        return new StackPorts(free(), free(), free(), free(), free(), free(), free(), free(), free(), free(), free(),
                new StackPorts.Management(free(), free(), free(), free(), free()));
    }

    /**
     * A port no socket holds, below Linux's ephemeral range (32768-60999): a port the system hands out for port 0 may go
     * to an outgoing connection before the process it was chosen for binds it, the later the likelier. Each call
     * answers another port.
     */
    static int free() {
        for (int tries = 0; tries < UNEPHEMERAL_PORTS; tries++) {
            int port = FIRST_UNEPHEMERAL_PORT + NEXT_PORT.getAndIncrement() % UNEPHEMERAL_PORTS;
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another process listens there: try the next one
            }
        }
        throw new IllegalStateException("no free port from " + FIRST_UNEPHEMERAL_PORT);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private static PublicKey publicKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
