package work.remote.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
/**
 * The running stack's services over HTTP on 127.0.0.1, for the benchmark and scripts:
 * <ul>
 * <li>{@code GET /services}: each service's pid, last start (spawning its JVM to ready: {@code startMillis}, and the
 * CPU time it used by then: {@code startCpuMillis}) and {@code rssBytes} now;</li>
 * <li>{@code GET /services/<name>}: one of them;</li>
 * <li>{@code POST /services/<name>/restart}: kills it (SIGKILL, as a crashed pod), starts it again, answers once it is
 * ready with the new process, {@code restartMillis} from the kill to ready. One restart at a time.</li>
 * </ul>
 * A name that is not a service of the stack is a 404 {@code application/problem+json} naming {@code service}.
 */
final class StackControl implements AutoCloseable {

    /** What the endpoint asks of the stack. */
    interface Services {

        List<String> names();

        ServiceStatus status(String name);

        ServiceStatus crashAndRestart(String name);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/services";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Services services;

    private StackControl(HttpServer server, ExecutorService executor, Services services) {
        this.server = server;
        this.executor = executor;
        this.services = services;
    }

    /** @param port 0 for a free port */
    static StackControl start(int port, Services services) {
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "stack-control");
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
            server.setExecutor(executor);
            StackControl control = new StackControl(server, executor, services);
            server.createContext("/", control::handle);
            server.start();
            return control;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the stack control endpoint on port " + port, e);
        }
    }

    /** {@code http://localhost:<port>/services} */
    String servicesUrl() {
        return "http://localhost:" + server.getAddress().getPort() + PREFIX;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (RuntimeException e) {
            respond(exchange, 500, "text/plain; charset=utf-8", String.valueOf(e));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
            if (!"GET".equals(method)) {
                methodNotAllowed(exchange, "GET");
                return;
            }
            respond(exchange, 200, "application/json",
                    JSON.writeValueAsString(services.names().stream().map(name -> json(services.status(name))).toList()));
            return;
        }
        if (!path.startsWith(PREFIX + "/")) {
            respond(exchange, 404, "text/plain; charset=utf-8", "not found");
            return;
        }
        String[] parts = path.substring(PREFIX.length() + 1).split("/", -1);
        Optional<String> name = services.names().stream().filter(parts[0]::equals).findFirst();
        if (name.isEmpty()) {
            respond(exchange, 404, "application/problem+json", JSON.writeValueAsString(unknownService(parts[0])));
            return;
        }
        if (parts.length == 1) {
            if (!"GET".equals(method)) {
                methodNotAllowed(exchange, "GET");
                return;
            }
            respond(exchange, 200, "application/json", JSON.writeValueAsString(json(services.status(name.get()))));
        } else if (parts.length == 2 && parts[1].equals("restart")) {
            if (!"POST".equals(method)) {
                methodNotAllowed(exchange, "POST");
                return;
            }
            long begin = System.nanoTime();
            ServiceStatus restarted = services.crashAndRestart(name.get());
            Map<String, Object> body = json(restarted);
            body.put("restartMillis", (System.nanoTime() - begin) / 1_000_000);
            respond(exchange, 200, "application/json", JSON.writeValueAsString(body));
        } else {
            respond(exchange, 404, "text/plain; charset=utf-8", "not found");
        }
    }

    private static Map<String, Object> json(ServiceStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", status.name());
        json.put("pid", status.pid());
        json.put("startMillis", status.startToReady().toMillis());
        json.put("startCpuMillis", status.cpuToReady().map(Duration::toMillis).orElse(null));
        json.put("rssBytes", status.rssBytes().isPresent() ? status.rssBytes().getAsLong() : null);
        return json;
    }

    private Map<String, Object> unknownService(String given) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://remote.work/problems/invalid-request");
        problem.put("title", "No such service");
        problem.put("status", 404);
        problem.put("violations", List.of(Map.of("field", "service",
                "message", "is not a service of this stack: " + given + "; the services are " + services.names())));
        return problem;
    }

    private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed");
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
