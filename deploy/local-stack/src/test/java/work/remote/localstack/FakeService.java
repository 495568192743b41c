package work.remote.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpServer;

/** Stands in for a Quarkus service: prints the configuration it got and reports itself ready. */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        new TreeMap<>(System.getProperties()).forEach((key, value) -> System.out.println("config " + key + "=" + value));
        int port = Integer.parseInt(System.getProperty("quarkus.http.port"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        HttpServer management = HttpServer.create(
                new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getProperty("quarkus.management.port"))), 0);
        management.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\",\"checks\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        management.start();
        System.out.println("listening on " + port);
    }
}
