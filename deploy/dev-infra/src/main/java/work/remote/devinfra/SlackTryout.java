package work.remote.devinfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import work.remote.devinfra.SlackRequests.SlackRequest;
import work.remote.devinfra.SlackRequests.ViewState;
import work.remote.devinfra.SlackWorkspace.Channel;
import work.remote.devinfra.SlackWorkspace.Message;
import work.remote.devinfra.SlackWorkspace.OpenedView;
import work.remote.devinfra.SlackWorkspace.User;

/**
 * Lets a person try the Slack app by hand, without Slack: each route plays a person's gesture in Slack and sends the
 * app the signed requests Slack would send, answering with what the app answered.
 * <ul>
 * <li>{@code POST /slack/try/report?user=&channel=&channelName=&title=&impact=&type=&affectedUsers=&description=&parentId=}:
 * {@code /report <title>} in the channel, then the modal the app opened submitted with those fields (the parent
 * ticket as the modal proposes unless given);</li>
 * <li>{@code POST /slack/try/press?user=&action=&ticket=}: the button {@code action} of the ticket's newest message
 * pressed.</li>
 * </ul>
 * The user must be in the workspace's directory. Any ephemeral reply the app posts within a few seconds is shown.
 */
final class SlackTryout {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration REPLY_WAIT = Duration.ofSeconds(2);

    private final SlackWorkspace workspace;
    private final SlackRequests requests;
    private final URI commands;
    private final URI interactions;

    SlackTryout(SlackWorkspace workspace, SlackRequests requests, URI commands, URI interactions) {
        this.workspace = workspace;
        this.requests = requests;
        this.commands = commands;
        this.interactions = interactions;
    }

    void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpEndpoint.methodNotAllowed(exchange, "POST");
            return;
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = HttpEndpoint.formFields(rawQuery == null ? "" : rawQuery);
        try {
            Map<String, Object> outcome = switch (exchange.getRequestURI().getPath()) {
                case "/slack/try/report" -> report(query);
                case "/slack/try/press" -> press(query);
                default -> null;
            };
            if (outcome == null) {
                HttpEndpoint.notFound(exchange);
                return;
            }
            HttpEndpoint.respondJson(exchange, 200, outcome);
        } catch (IllegalArgumentException missing) {
            HttpEndpoint.respondJson(exchange, 400, Map.of("error", missing.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HttpEndpoint.respondJson(exchange, 503, Map.of("error", "interrupted"));
        }
    }

    private Map<String, Object> report(Map<String, String> query) throws IOException, InterruptedException {
        User user = user(query);
        String channelId = required(query, "channel");
        Channel channel = new Channel(channelId, query.getOrDefault("channelName", channelId));
        String title = required(query, "title");
        SlackRequest command = requests.slashCommand("/report", title, user, channel);
        HttpResponse<String> commandAnswer = command.signed().sendTo(commands);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("command", answer(commandAnswer));
        if (commandAnswer.statusCode() != 200) {
            return outcome;
        }
        CompletableFuture<OpenedView> opened = workspace.viewOpenedWith(command.triggerId());
        CompletableFuture<SlackWorkspace.ResponsePost> replied = workspace.firstResponse(command.responseUrl());
        // the app opens the modal, or answers the person privately instead (e.g. an unmapped user)
        within(CompletableFuture.anyOf(opened, replied), WAIT);
        Optional<OpenedView> modal = Optional.ofNullable(opened.getNow(null));
        if (modal.isEmpty()) {
            outcome.put("reply", Optional.ofNullable(replied.getNow(null)).map(SlackWorkspace.ResponsePost::body)
                    .orElse(HttpEndpoint.JSON.getNodeFactory().textNode("no modal opened within " + WAIT.toSeconds() + " s")));
            return outcome;
        }
        String parentId = query.getOrDefault("parentId", initialValue(modal.get(), "parentId"));
        ViewState state = new ViewState()
                .text("title", "title", title)
                .option("type", "type", query.getOrDefault("type", "BUG"))
                .option("impact", "impact", required(query, "impact"))
                .number("affectedUsers", "affectedUsers", query.getOrDefault("affectedUsers", "1"))
                .text("description", "description", query.getOrDefault("description", ""))
                .text("parentId", "parentId", parentId == null ? "" : parentId);
        outcome.put("submission", answer(requests.viewSubmission(user, modal.get(), state).signed().sendTo(interactions)));
        return outcome;
    }

    private Map<String, Object> press(Map<String, String> query) throws IOException, InterruptedException {
        User user = user(query);
        String action = required(query, "action");
        String ticket = required(query, "ticket");
        Message message = workspace.messageWithButton(action, ticket).orElseThrow(() -> new IllegalArgumentException(
                "no message has the button " + action + " for ticket " + ticket));
        SlackRequest press = requests.blockActions(user, new Channel(message.channel(), message.channel()), message,
                action, ticket);
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("channel", message.channel());
        outcome.put("ts", message.ts());
        HttpResponse<String> answer = press.signed().sendTo(interactions);
        outcome.put("press", answer(answer));
        if (answer.statusCode() == 200) {
            reply(press.responseUrl(), REPLY_WAIT).ifPresent(reply -> outcome.put("reply", reply));
        }
        return outcome;
    }

    private Optional<JsonNode> reply(String responseUrl, Duration wait) throws InterruptedException {
        return within(workspace.firstResponse(responseUrl), wait).map(SlackWorkspace.ResponsePost::body);
    }

    private User user(Map<String, String> query) {
        String id = required(query, "user");
        return workspace.users().stream().filter(user -> user.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("user " + id + " is not in the workspace's directory"));
    }

    private static Map<String, Object> answer(HttpResponse<String> response) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", response.statusCode());
        answer.put("body", HttpEndpoint.jsonOrText(response.body()));
        return answer;
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("query parameter " + name + " is required");
        }
        return value;
    }

    private static String initialValue(OpenedView modal, String blockId) {
        for (JsonNode block : modal.view().path("blocks")) {
            if (blockId.equals(block.path("block_id").asText())) {
                return block.path("element").path("initial_value").asText(null);
            }
        }
        return null;
    }

    /** What {@code future} completes with, if it does within {@code wait}. */
    private static <T> Optional<T> within(CompletableFuture<T> future, Duration wait) throws InterruptedException {
        try {
            return Optional.ofNullable(future.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException notYet) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
