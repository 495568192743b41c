package work.remote.devinfra;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * One HTTP port for everything the services send out: the Slack stand-in (webhooks on {@code /services/...} and
 * {@code /calls}, the Web API on {@code /api/<method>}, {@code /response/<id>}, {@code /messages}) and the mail the SMTP server received ({@code GET /mail}, {@code DELETE /mail}).
 */
public final class SinkConsole implements AutoCloseable {

    private final HttpEndpoint endpoint;
    private final SlackSink slack;
    private final SmtpServer smtp;

    private SinkConsole(HttpEndpoint endpoint, SmtpServer smtp) {
        this.endpoint = endpoint;
        this.smtp = smtp;
        this.slack = new SlackSink(endpoint);
        endpoint.route("/mail", this::mail);
        endpoint.route("/", this::index);
    }

    /**
     * @param port 0 for a free port
     * @param smtp the SMTP server whose mail {@code /mail} shows; it stays open when the console closes
     */
    public static SinkConsole start(int port, SmtpServer smtp) {
        return new SinkConsole(HttpEndpoint.start(port, "sink-console"), smtp);
    }

    public SlackSink slack() {
        return slack;
    }

    public SmtpServer smtp() {
        return smtp;
    }

    public String baseUrl() {
        return endpoint.baseUrl();
    }

    public String callsUrl() {
        return baseUrl() + "/calls";
    }

    public String mailUrl() {
        return baseUrl() + "/mail";
    }

    @Override
    public void close() {
        endpoint.close();
    }

    private void mail(HttpExchange exchange) throws IOException {
        if (!"/mail".equals(exchange.getRequestURI().getPath())) {
            HttpEndpoint.notFound(exchange);
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "GET" -> HttpEndpoint.respondJson(exchange, 200,
                    smtp.messages().stream().map(SinkConsole::toJson).toList());
            case "DELETE" -> {
                smtp.clear();
                HttpEndpoint.respond(exchange, 204, null, Map.of(), null);
            }
            default -> HttpEndpoint.methodNotAllowed(exchange, "GET, DELETE");
        }
    }

    private void index(HttpExchange exchange) throws IOException {
        if (!"/".equals(exchange.getRequestURI().getPath())) {
            HttpEndpoint.notFound(exchange);
            return;
        }
        HttpEndpoint.respond(exchange, 200, "text/plain; charset=utf-8", Map.of(), String.join("\n",
                "remote-work sink console",
                "POST   /services/<team>/<bot>/<token>  Slack incoming webhook (refuses what Slack refuses: 400 invalid_blocks)",
                "GET    /calls                          recorded webhook calls (DELETE clears them and the Web API's messages)",
                "POST   /api/<method>                   Slack Web API (Bearer " + SlackWorkspace.BOT_TOKEN + "): chat.postMessage, chat.update,",
                "                                       chat.getPermalink, users.lookupByEmail, users.info, views.open, auth.test",
                "GET    /messages                       messages posted through the Web API, each with its versions",
                "POST   /response/<id>                  response_url of a command or interaction the stand-in built",
                "POST   /slack/try/report?user=&channel=&channelName=&title=&impact=   /report, then its modal submitted, signed",
                "POST   /slack/try/press?user=&action=&ticket=                       a button of a ticket's message pressed, signed",
                "                                       (both only when the local stack points them at ticket-service)",
                "GET    /mail                           mail received on SMTP port " + smtp.port() + " (DELETE clears)",
                ""));
    }

    private static Map<String, Object> toJson(SmtpServer.ReceivedMail mail) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", mail.from());
        json.put("to", mail.to());
        json.put("subject", mail.subject());
        json.put("text", mail.text());
        json.put("html", mail.html());
        json.put("receivedAt", mail.receivedAt().toString());
        json.put("receivedAtEpochMicros", mail.receivedAtEpochMicros());
        return json;
    }
}
