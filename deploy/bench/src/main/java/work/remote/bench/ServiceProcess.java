package work.remote.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of the running local stack as the process list shows it: the {@code java -D... -jar} process whose
 * {@code quarkus.http.port} is the port of the service's URL in {@code stack.properties}. Its command line carries the
 * configuration the stack gave it (the management port, the datasource, the Slack sink's allowed host).
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final ProcessHandle handle;
    private final Map<String, String> systemProperties;

    private ServiceProcess(String name, ProcessHandle handle, Map<String, String> systemProperties) {
        this.name = name;
        this.handle = handle;
        this.systemProperties = systemProperties;
    }

    /** The process serving {@code url}; {@code name} is how the benchmark prints it. */
    static Optional<ServiceProcess> serving(String name, String url) {
        String portArgument = "-Dquarkus.http.port=" + URI.create(url).getPort();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of()).contains(portArgument))
                .findFirst()
                .map(process -> new ServiceProcess(name, process, systemProperties(process)));
    }

    /** The process serving {@code url}; throws naming the service when there is none on this machine. */
    static ServiceProcess require(String name, String url) {
        return serving(name, url).orElseThrow(() -> new IllegalStateException(
                "no " + name + " process on this machine serves " + url + "; is the local stack running here?"));
    }

    private static Map<String, String> systemProperties(ProcessHandle process) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String argument : process.info().arguments().orElse(new String[0])) {
            int equals = argument.indexOf('=');
            if (argument.startsWith("-D") && equals > 2) {
                properties.put(argument.substring(2, equals), argument.substring(equals + 1));
            }
        }
        return properties;
    }

    String name() {
        return name;
    }

    ProcessHandle handle() {
        return handle;
    }

    Optional<String> property(String key) {
        return Optional.ofNullable(systemProperties.get(key));
    }

    String requiredProperty(String key) {
        return property(key).orElseThrow(() -> new IllegalStateException(
                name + " (pid " + handle.pid() + ") was started without -D" + key));
    }

    /** The resident set size the kernel reports for the process ({@code VmRSS}), in megabytes. */
    double residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(handle.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                long kilobytes = Long.parseLong(line.replaceAll("\\D", ""));
                return kilobytes / 1024.0;
            }
        }
        throw new IllegalStateException("/proc/" + handle.pid() + "/status has no VmRSS line");
    }

    /** The readiness check on the service's management port ({@code /q/health/ready}). */
    URI readiness() {
        return URI.create("http://localhost:" + requiredProperty("quarkus.management.port") + "/q/health/ready");
    }

    /** Whether the readiness check answers 200 UP now. */
    static boolean ready(URI readiness) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException notAnswering) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
