package work.remote.devinfra;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

import sun.misc.Signal;

import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Entry point of the forked broker JVM started by {@link KafkaBroker}:
 * {@code KafkaBrokerMain <server.properties> <parent pid>}. It does what {@code kafka-storage.sh format}
 * (on first start only) and {@code kafka-server-start.sh} do, and stops when the parent JVM goes away.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: KafkaBrokerMain <server.properties> <parent pid>");
            System.exit(2);
        }
        exitWhenParentExits(Long.parseLong(args[1]));
        ignoreInterruptFromTheTerminal();
        formatIfNeeded(Path.of(args[0]));
        Kafka.main(new String[] { args[0] });
    }

    private static void formatIfNeeded(Path configFile) throws IOException {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(configFile)) {
            config.load(reader);
        }
        if (Files.exists(Path.of(config.getProperty("log.dirs"), "meta.properties"))) {
            return;
        }
        int exitCode = StorageTool.execute(new String[] {
                "format",
                "--config", configFile.toString(),
                "--cluster-id", Uuid.randomUuid().toString() }, System.out);
        if (exitCode != 0) {
            System.err.println("formatting the Kafka log directory failed with exit code " + exitCode);
            System.exit(exitCode);
        }
    }

    /**
     * Ctrl-C in a terminal interrupts the whole process group at once. The parent stops the broker (SIGTERM) after
     * the services that use it, so that their consumers can still leave their groups; a broker that stopped at
     * the same moment would leave stale group members behind, and the next start would wait for them to expire.
     * Kafka chains its own signal logging to this no-op handler.
     */
    private static void ignoreInterruptFromTheTerminal() {
        Signal.handle(new Signal("INT"), signal -> {
        });
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
