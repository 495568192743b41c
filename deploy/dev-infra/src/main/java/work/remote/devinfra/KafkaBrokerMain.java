package work.remote.devinfra;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * Entry point of the forked broker JVM started by {@link KafkaBroker}:
 * {@code KafkaBrokerMain <server.properties> <parent pid>}.
 * Formats the log directory on first start, then runs a combined broker and controller until it is
 * terminated or the parent JVM goes away.
 */
public final class KafkaBrokerMain {

    static final String READY_MARKER = "remote-work kafka broker started";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: KafkaBrokerMain <server.properties> <parent pid>");
            System.exit(2);
        }
        exitWhenParentExits(Long.parseLong(args[1]));

        KafkaConfig config = KafkaConfig.fromProps(load(Path.of(args[0])), false);
        formatIfNeeded(config);

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-broker-shutdown"));
        server.startup();
        System.out.println(READY_MARKER + " on " + config.effectiveAdvertisedBrokerListeners());
        server.awaitShutdown();
    }

    private static void formatIfNeeded(KafkaConfig config) throws Exception {
        String logDir = config.metadataLogDir();
        new Formatter()
                .setPrintStream(System.out)
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir))
                .setMetadataLogDirectory(logDir)
                .setControllerListenerName(config.controllerListenerNames().head())
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setUnstableFeatureVersionsEnabled(false)
                .setIgnoreFormatted(true)
                .run();
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    /** A parent killed with SIGKILL runs no shutdown hook, so the broker watches it instead. */
    private static void exitWhenParentExits(long parentPid) {
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    System.out.println("parent JVM " + parentPid + " exited, stopping the broker");
                    Runtime.getRuntime().halt(0);
                }),
                () -> Runtime.getRuntime().halt(0));
    }
}
