package work.remote.console;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server standing in for one of the services, answering as its OpenAPI document describes: JSON views, pages
 * and RFC 9457 problems. {@code GET /recorded/authorization} answers the last Authorization header it got, and
 * {@code GET /recorded/change} the last request that was not a GET: its method, path, If-Match, Authorization and body.
 */
abstract class ServiceStandIn implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as a stand-in sees it. */
    record Request(HttpExchange exchange, String method, String path, Map<String, String> query,
            String authorization, String body) {

        /** A claim of the bearer JWT, read without checking it as a stand-in has nothing to check it with. */
        Object claim(String name) throws IOException {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return null;
            }
            String[] parts = authorization.substring(7).split("\\.");
            return JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class).get(name);
        }

        String person() throws IOException {
            Object subject = claim("sub");
            return subject == null ? "" : subject.toString();
        }

        List<String> roles() throws IOException {
            return claim("groups") instanceof List<?> groups ? groups.stream().map(Object::toString).toList()
                    : List.of();
        }

        boolean is(String method, String path) {
            return this.method.equals(method) && this.path.equals(path);
        }

        int intQuery(String name, int otherwise) {
            String value = query.get(name);
            return value == null ? otherwise : Integer.parseInt(value);
        }
    }

    private final HttpServer server;
    private volatile String lastAuthorization = "";
    private volatile Map<String, String> lastChange = Map.of();

    protected ServiceStandIn(String name) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, name + "-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** Starts answering; a subclass calls it once it is fully built. */
    protected final void listen() {
        server.createContext("/", this::dispatch);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Answers one request with {@link #json}, {@link #problem} or {@link #respond}. */
    protected abstract void handle(Request request) throws IOException;

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/recorded/authorization")) {
                respond(exchange, 200, "text/plain", lastAuthorization);
                return;
            }
            if (path.equals("/recorded/change")) {
                json(exchange, 200, lastChange);
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            lastAuthorization = authorization == null ? "" : authorization;
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!exchange.getRequestMethod().equals("GET")) {
                String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
                lastChange = Map.of("method", exchange.getRequestMethod(), "path", path, "ifMatch",
                        ifMatch == null ? "" : ifMatch, "authorization", lastAuthorization, "body", body);
            }
            handle(new Request(exchange, exchange.getRequestMethod(), path, query(exchange), authorization, body));
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    static Map<String, Object> page(List<?> items) {
        return Map.of("items", items, "page", 0, "size", 200, "total", items.size());
    }

    static void notFound(Request request) throws IOException {
        problem(request.exchange(), 404, "Not Found",
                "No such resource in the stand-in: " + request.method() + " " + request.path(), List.of());
    }

    static void problem(HttpExchange exchange, int status, String title, String detail,
            List<Map<String, String>> violations) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://remote.work/problems/stand-in");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("violations", violations);
        respond(exchange, status, "application/problem+json", JSON.writeValueAsString(problem));
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        respond(exchange, status, "application/json", JSON.writeValueAsString(body));
    }

    static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
