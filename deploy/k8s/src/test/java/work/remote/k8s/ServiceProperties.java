package work.remote.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import work.remote.events.EventCatalog;
import work.remote.events.EventType;

/**
 * What a deployable's {@code application.properties} (production profile) says about the topics, groups, database and
 * pool it uses.
 */
record ServiceProperties(String service, Properties properties) {

    /** The fifth deployable: the web UI, with no database and no events of its own. */
    static final String CONSOLE = "console";

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final Pattern PUBLIC_URL_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)");
    /** Where a consumer group's name carries the pod's name (REMOTE_WORK_INSTANCE_ID), making it the pod's own group. */
    static final String INSTANCE_ID = "${remote-work.instance-id";

    /** The four services, one per context that publishes events. */
    static Set<String> services() {
        return EventCatalog.contexts().stream().map(context -> context + "-service")
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Everything deploy/k8s deploys from this repository: the four services and the console. */
    static Set<String> deployables() {
        Set<String> deployables = new TreeSet<>(services());
        deployables.add(CONSOLE);
        return deployables;
    }

    static ServiceProperties of(Path repository, String service) {
        Properties properties = new Properties();
        Path file = repository.resolve(service).resolve("src/main/resources/application.properties");
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new ServiceProperties(service, properties);
    }

    /** A key's value in production: {@code %prod.key} wins over {@code key}. */
    String value(String key) {
        return properties.getProperty("%prod." + key, properties.getProperty(key));
    }

    /** The topic of the context this service owns; none for the console, which publishes nothing. */
    Optional<String> publishedTopic() {
        return EventCatalog.contexts().stream().filter(context -> service.equals(context + "-service")).findFirst()
                .map(EventType::topicOf);
    }

    /** Whether it has a database of its own (a datasource, in production). */
    boolean hasDatabase() {
        return value("quarkus.datasource.db-kind") != null;
    }

    Set<String> incomingChannels() {
        Set<String> channels = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher matcher = INCOMING.matcher(key);
            if (matcher.matches() && "smallrye-kafka".equals(value(key))) {
                channels.add(matcher.group(1));
            }
        }
        return channels;
    }

    Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        for (String channel : incomingChannels()) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            String named = value(prefix + "topics") != null ? value(prefix + "topics") : value(prefix + "topic");
            Arrays.stream((named != null ? named : channel).split(",")).map(String::trim).forEach(topics::add);
        }
        return topics;
    }

    Set<String> deadLetterTopics() {
        return incomingChannels().stream().map(channel -> value("mp.messaging.incoming." + channel + ".dead-letter-queue.topic"))
                .filter(topic -> topic != null).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> consumerGroups() {
        return incomingChannels().stream().map(channel -> value("mp.messaging.incoming." + channel + ".group.id"))
                .map(group -> group != null ? group : value("quarkus.application.name"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The group the dead-letter replay keeps its position in (platform: DeadLetters). */
    String deadLetterReplayGroup() {
        return value("quarkus.application.name") + "-dead-letter-replay";
    }

    int maxPoolSize() {
        String maxSize = value("quarkus.datasource.jdbc.max-size");
        if (maxSize == null) {
            throw new AssertionError(service + " sets no quarkus.datasource.jdbc.max-size: Agroal's default of 20 per pod"
                    + " is not budgeted in PostgreSQL's max_connections");
        }
        return Integer.parseInt(maxSize.trim());
    }

    /** The environment variable the service's public URL (the base of its links) comes from. */
    String publicUrlVariable() {
        Matcher matcher = PUBLIC_URL_VARIABLE.matcher(value("remote-work.public-url"));
        if (!matcher.find()) {
            throw new AssertionError(service + ": remote-work.public-url names no environment variable");
        }
        return matcher.group(1);
    }
}
