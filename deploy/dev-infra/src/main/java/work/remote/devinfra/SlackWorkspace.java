package work.remote.devinfra;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Slack workspace behind the stand-in's Web API ({@code /api/<method>}): the people in its directory, the bot
 * tokens it accepts, the messages posted to its channels with every version {@code chat.update} made of them, the
 * modals opened, and what apps posted to the {@code response_url}s of the requests {@link SlackRequests} built.
 * Each method answers as Slack does: HTTP 200 with {@code {"ok":true,...}} or {@code {"ok":false,"error":"..."}}.
 */
public final class SlackWorkspace {

    public static final String TEAM_ID = "T0REMOTE";
    public static final String TEAM_DOMAIN = "remote-work-dev";
    public static final String APP_ID = "A0REMOTE";
    public static final String BOT_ID = "B0REMOTE";
    public static final String BOT_USER_ID = "U0REMOTEBOT";
    /** The bot token the workspace accepts from the start. */
    public static final String BOT_TOKEN = "xoxb-remote-work-dev";
    /** How long Slack lets an app open a modal with a trigger id. */
    public static final Duration TRIGGER_ID_LIFETIME = Duration.ofSeconds(3);

    /** A person in the workspace's directory. */
    public record User(String id, String name, String email) {
    }

    /** A channel as requests name it: its id and its name without {@code #}. */
    public record Channel(String id, String name) {
    }

    /**
     * One version of a message: the one {@code chat.postMessage} created, or one {@code chat.update} made.
     * {@code blocks} is an array, empty when the message has none; {@code threadTs} is null outside a thread.
     */
    public record Message(String channel, String ts, String threadTs, String user, String text, JsonNode blocks,
            Instant at) {

        public boolean inThread() {
            return threadTs != null && !threadTs.equals(ts);
        }
    }

    /** A modal {@code views.open} opened, with the view as the app sent it. */
    public record OpenedView(String id, String triggerId, JsonNode view, Instant openedAt) {

        public String callbackId() {
            return view.path("callback_id").asText();
        }

        public String privateMetadata() {
            return view.path("private_metadata").asText();
        }
    }

    /** What an app posted to a {@code response_url}, e.g. an ephemeral message. */
    public record ResponsePost(String responseUrl, JsonNode body, Instant receivedAt) {
    }

    /** A Web API method refused the call with Slack's error code. */
    static final class Refusal extends RuntimeException {

        final String error;

        Refusal(String error) {
            super(error, null, false, false);
            this.error = error;
        }
    }

    /** A trigger id opens one modal. */
    private record Trigger(Instant issuedAt, AtomicBoolean used) {
    }

    private final Supplier<String> baseUrl;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    /** channel -> ts -> versions, oldest first; both in posting order. */
    private final Map<String, Map<String, List<Message>>> messages = new LinkedHashMap<>();
    private final List<OpenedView> views = new CopyOnWriteArrayList<>();
    private final Map<String, Trigger> triggers = new ConcurrentHashMap<>();
    private final Map<String, List<ResponsePost>> responses = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<OpenedView>> viewsByTrigger = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<ResponsePost>> firstResponses = new ConcurrentHashMap<>();
    private final AtomicLong lastTsMicros = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    private volatile Duration triggerIdLifetime = TRIGGER_ID_LIFETIME;

    SlackWorkspace(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
        tokens.add(BOT_TOKEN);
    }

    /** The prefix for {@code SlackConfig.setMethodsEndpointUrlPrefix}: {@code http://127.0.0.1:<port>/api/}. */
    public String apiUrl() {
        return baseUrl.get() + "/api/";
    }

    /** Adds {@code user} to the directory, or replaces the one with the same id. */
    public void addUser(User user) {
        users.put(user.id(), user);
    }

    public List<User> users() {
        return List.copyOf(users.values());
    }

    /** Accepts {@code token} as a bot token besides {@link #BOT_TOKEN}. */
    public void acceptToken(String token) {
        tokens.add(token);
    }

    /** How long a trigger id opens a modal; {@link #TRIGGER_ID_LIFETIME} like Slack unless set. */
    public void triggerIdLifetime(Duration lifetime) {
        triggerIdLifetime = lifetime;
    }

    /**
     * Records a message a person wrote in {@code channel}, as if typed in Slack, so that a message shortcut can point
     * at it and {@code chat.getPermalink} finds it.
     */
    public Message say(String channel, User author, String text) {
        return post(channel, null, author.id(), text, HttpEndpoint.JSON.createArrayNode());
    }

    /** The current version of every message in {@code channel}, thread replies included, oldest first. */
    public synchronized List<Message> messages(String channel) {
        return messages.getOrDefault(channel, Map.of()).values().stream()
                .map(versions -> versions.get(versions.size() - 1))
                .toList();
    }

    /** The current version of the message {@code ts} in {@code channel}. */
    public Optional<Message> message(String channel, String ts) {
        List<Message> versions = history(channel, ts);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** Every version of the message {@code ts} in {@code channel}: as posted, then after each update. */
    public synchronized List<Message> history(String channel, String ts) {
        return List.copyOf(messages.getOrDefault(channel, Map.of()).getOrDefault(ts, List.of()));
    }

    /** The current version of each reply in the thread of {@code threadTs}, oldest first. */
    public List<Message> replies(String channel, String threadTs) {
        return messages(channel).stream()
                .filter(message -> message.inThread() && message.threadTs().equals(threadTs))
                .toList();
    }

    /** Every modal opened, oldest first. */
    public List<OpenedView> views() {
        return List.copyOf(views);
    }

    /** A fresh trigger id, as Slack puts in a command or an interaction; it opens one modal within its lifetime. */
    public String issueTriggerId() {
        String id = ids.incrementAndGet() + "." + TEAM_ID + "." + UUID.randomUUID().toString().replace("-", "");
        triggers.put(id, new Trigger(Instant.now(), new AtomicBoolean()));
        return id;
    }

    /** A fresh {@code response_url} on the stand-in; what is posted to it is kept (see {@link #responses}). */
    public String issueResponseUrl() {
        String url = baseUrl.get() + "/response/" + UUID.randomUUID();
        responses.put(url, new CopyOnWriteArrayList<>());
        return url;
    }

    /** What was posted to {@code responseUrl}, oldest first. */
    public List<ResponsePost> responses(String responseUrl) {
        return List.copyOf(responses.getOrDefault(responseUrl, List.of()));
    }

    /**
     * Forgets messages, views, trigger ids and response posts, and sets the trigger id lifetime back to Slack's; the
     * directory and the tokens stay.
     */
    public synchronized void clear() {
        messages.clear();
        views.clear();
        triggers.clear();
        responses.clear();
        viewsByTrigger.clear();
        firstResponses.clear();
        triggerIdLifetime = TRIGGER_ID_LIFETIME;
    }

    /** Records a post to a {@code response_url}; false when the stand-in never issued it. */
    boolean respond(String responseUrl, String body) {
        List<ResponsePost> posts = responses.get(responseUrl);
        if (posts == null) {
            return false;
        }
        ResponsePost post = new ResponsePost(responseUrl, HttpEndpoint.jsonOrText(body), Instant.now());
        posts.add(post);
        firstResponse(responseUrl).complete(post);
        return true;
    }

    /** Completes with the modal opened with {@code triggerId}, as soon as it is (at once if it was). */
    CompletableFuture<OpenedView> viewOpenedWith(String triggerId) {
        return viewsByTrigger.computeIfAbsent(triggerId, any -> new CompletableFuture<>());
    }

    /** Completes with the first post to {@code responseUrl}, as soon as there is one. */
    CompletableFuture<ResponsePost> firstResponse(String responseUrl) {
        return firstResponses.computeIfAbsent(responseUrl, any -> new CompletableFuture<>());
    }

    /** The current version of the newest message with the button {@code actionId} whose value is {@code value}. */
    synchronized Optional<Message> messageWithButton(String actionId, String value) {
        return messages.keySet().stream()
                .flatMap(channel -> messages(channel).stream())
                .filter(message -> hasButton(message, actionId, value))
                .max(Comparator.comparing(Message::ts));
    }

    private static boolean hasButton(Message message, String actionId, String value) {
        for (JsonNode block : message.blocks()) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText()) && value.equals(element.path("value").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs the Web API method {@code method} with its parameters; the answer's fields besides {@code ok}. */
    ObjectNode call(String method, String token, Map<String, String> params) {
        if (token == null || token.isBlank()) {
            throw new Refusal("not_authed");
        }
        if (!tokens.contains(token)) {
            throw new Refusal("invalid_auth");
        }
        return switch (method) {
            case "auth.test" -> authTest();
            case "chat.postMessage" -> postMessage(params);
            case "chat.update" -> update(params);
            case "chat.getPermalink" -> permalink(params);
            case "users.lookupByEmail" -> lookupByEmail(params);
            case "users.info" -> userInfo(params);
            case "views.open" -> openView(params);
            default -> throw new Refusal("unknown_method");
        };
    }

    private ObjectNode authTest() {
        return HttpEndpoint.JSON.createObjectNode()
                .put("url", "https://" + TEAM_DOMAIN + ".slack.com/")
                .put("team", TEAM_DOMAIN)
                .put("user", "remote-work")
                .put("team_id", TEAM_ID)
                .put("user_id", BOT_USER_ID)
                .put("bot_id", BOT_ID);
    }

    private ObjectNode postMessage(Map<String, String> params) {
        String channel = required(params, "channel", "channel_not_found");
        JsonNode blocks = blocks(params.get("blocks"));
        String text = params.getOrDefault("text", "");
        if (text.isBlank() && blocks.isEmpty()) {
            throw new Refusal("no_text");
        }
        Message message = post(channel, params.get("thread_ts"), BOT_USER_ID, text, blocks);
        ObjectNode answer = HttpEndpoint.JSON.createObjectNode().put("channel", channel).put("ts", message.ts());
        answer.set("message", toJson(message));
        return answer;
    }

    private ObjectNode update(Map<String, String> params) {
        String channel = required(params, "channel", "channel_not_found");
        String ts = required(params, "ts", "message_not_found");
        Message updated;
        synchronized (this) {
            List<Message> versions = messages.getOrDefault(channel, Map.of()).get(ts);
            if (versions == null) {
                throw new Refusal("message_not_found");
            }
            Message current = versions.get(versions.size() - 1);
            // Slack keeps the text or the blocks a chat.update leaves out
            String text = params.containsKey("text") ? params.get("text") : current.text();
            JsonNode blocks = params.containsKey("blocks") ? blocks(params.get("blocks")) : current.blocks();
            if (text.isBlank() && blocks.isEmpty()) {
                throw new Refusal("no_text");
            }
            updated = new Message(channel, ts, current.threadTs(), current.user(), text, blocks, Instant.now());
            versions.add(updated);
        }
        ObjectNode answer = HttpEndpoint.JSON.createObjectNode()
                .put("channel", channel)
                .put("ts", ts)
                .put("text", updated.text());
        answer.set("message", toJson(updated));
        return answer;
    }

    private ObjectNode permalink(Map<String, String> params) {
        String channel = required(params, "channel", "channel_not_found");
        String ts = required(params, "message_ts", "message_not_found");
        Message message = message(channel, ts).orElseThrow(() -> new Refusal("message_not_found"));
        String link = "https://" + TEAM_DOMAIN + ".slack.com/archives/" + channel + "/p" + ts.replace(".", "");
        if (message.inThread()) {
            link += "?thread_ts=" + message.threadTs() + "&cid=" + channel;
        }
        return HttpEndpoint.JSON.createObjectNode().put("channel", channel).put("permalink", link);
    }

    private ObjectNode lookupByEmail(Map<String, String> params) {
        String email = required(params, "email", "invalid_arguments");
        User user = users.values().stream()
                .filter(candidate -> candidate.email() != null && candidate.email().equalsIgnoreCase(email))
                .findFirst()
                .orElseThrow(() -> new Refusal("users_not_found"));
        return userAnswer(user);
    }

    private ObjectNode userInfo(Map<String, String> params) {
        String id = required(params, "user", "user_not_found");
        User user = users.get(id);
        if (user == null) {
            throw new Refusal("user_not_found");
        }
        return userAnswer(user);
    }

    private ObjectNode openView(Map<String, String> params) {
        String triggerId = required(params, "trigger_id", "invalid_arguments");
        JsonNode view = json(required(params, "view", "invalid_arguments"), "invalid_arguments");
        if (!view.isObject() || !"modal".equals(view.path("type").asText())) {
            throw new Refusal("invalid_arguments");
        }
        Trigger trigger = triggers.get(triggerId);
        if (trigger == null) {
            throw new Refusal("invalid_trigger_id");
        }
        boolean expired = trigger.issuedAt().plus(triggerIdLifetime).isBefore(Instant.now());
        if (!trigger.used().compareAndSet(false, true) || expired) {
            throw new Refusal("expired_trigger_id");
        }
        OpenedView opened = new OpenedView(nextViewId(), triggerId, view, Instant.now());
        views.add(opened);
        viewOpenedWith(triggerId).complete(opened);
        ObjectNode answered = ((ObjectNode) view.deepCopy())
                .put("id", opened.id())
                .put("team_id", TEAM_ID)
                .put("app_id", APP_ID)
                .put("bot_id", BOT_ID)
                .put("hash", Long.toHexString(opened.openedAt().toEpochMilli()));
        answered.putObject("state").putObject("values");
        ObjectNode answer = HttpEndpoint.JSON.createObjectNode();
        answer.set("view", answered);
        return answer;
    }

    String nextViewId() {
        return String.format("V%010d", ids.incrementAndGet());
    }

    private Message post(String channel, String threadTs, String user, String text, JsonNode blocks) {
        synchronized (this) {
            Message message = new Message(channel, nextTs(), threadTs, user, text, blocks, Instant.now());
            messages.computeIfAbsent(channel, any -> new LinkedHashMap<>())
                    .put(message.ts(), new ArrayList<>(List.of(message)));
            return message;
        }
    }

    /** Unique and increasing, in Slack's form: seconds, a dot, six digits. */
    private String nextTs() {
        Instant now = Instant.now();
        long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        long micros = lastTsMicros.updateAndGet(last -> Math.max(last + 1, nowMicros));
        return String.format("%d.%06d", micros / 1_000_000L, micros % 1_000_000L);
    }

    private JsonNode blocks(String blocks) {
        if (blocks == null || blocks.isBlank()) {
            return HttpEndpoint.JSON.createArrayNode();
        }
        JsonNode parsed = json(blocks, "invalid_blocks_format");
        if (!parsed.isArray()) {
            throw new Refusal("invalid_blocks_format");
        }
        ObjectNode message = HttpEndpoint.JSON.createObjectNode();
        message.set("blocks", parsed);
        if (!BlockKitValidator.check(message.toString()).accepted()) {
            throw new Refusal("invalid_blocks");
        }
        return parsed;
    }

    private static JsonNode json(String text, String error) {
        try {
            return HttpEndpoint.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Refusal(error);
        }
    }

    private static String required(Map<String, String> params, String name, String error) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new Refusal(error);
        }
        return value;
    }

    private static ObjectNode userAnswer(User user) {
        ObjectNode json = HttpEndpoint.JSON.createObjectNode()
                .put("id", user.id())
                .put("team_id", TEAM_ID)
                .put("name", user.name())
                .put("real_name", user.name())
                .put("deleted", false)
                .put("is_bot", false);
        json.putObject("profile")
                .put("email", user.email())
                .put("real_name", user.name())
                .put("display_name", user.name());
        ObjectNode answer = HttpEndpoint.JSON.createObjectNode();
        answer.set("user", json);
        return answer;
    }

    static ObjectNode toJson(Message message) {
        ObjectNode json = HttpEndpoint.JSON.createObjectNode()
                .put("type", "message")
                .put("user", message.user())
                .put("text", message.text())
                .put("ts", message.ts());
        if (BOT_USER_ID.equals(message.user())) {
            json.put("bot_id", BOT_ID).put("app_id", APP_ID);
        }
        if (message.threadTs() != null) {
            json.put("thread_ts", message.threadTs());
        }
        json.set("blocks", message.blocks());
        return json;
    }

    /** Every channel's messages, each with its versions, for the console. */
    synchronized List<Map<String, Object>> listing() {
        List<Map<String, Object>> listing = new ArrayList<>();
        messages.forEach((channel, byTs) -> byTs.values().forEach(versions -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("channel", channel);
            entry.put("ts", versions.get(0).ts());
            entry.put("current", toJson(versions.get(versions.size() - 1)));
            ArrayNode history = HttpEndpoint.JSON.createArrayNode();
            versions.forEach(version -> history.add(toJson(version)));
            entry.put("versions", history);
            listing.add(entry);
        }));
        return listing;
    }
}
