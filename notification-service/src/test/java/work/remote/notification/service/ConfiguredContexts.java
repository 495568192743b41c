package work.remote.notification.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** The service's {@link ConsumedContexts} as its {@code application.properties} configures them, for plain tests. */
public final class ConfiguredContexts {

    private ConfiguredContexts() {
    }

    public static ConsumedContexts configured() {
        Properties properties = new Properties();
        try (InputStream in = ConfiguredContexts.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> topics = Arrays.stream(properties.getProperty(ConsumedContexts.TOPICS).split(","))
                .map(String::strip).toList();
        return new ConsumedContexts(topics);
    }

    public static List<String> consumedContexts() {
        return configured().contexts();
    }
}
