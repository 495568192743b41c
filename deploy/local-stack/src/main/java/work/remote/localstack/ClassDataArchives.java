package work.remote.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A class-data archive (AppCDS) per service, so that its later starts map the classes its first start loaded and
 * verified instead of loading them again: about 13,600 of its 19,000 classes, a quarter of a start's CPU. The running
 * JDK (the stack's own) makes it and reads it; it is a dynamic archive, which every JDK from 17 on writes from a
 * running process: a start without an archive runs with {@code -XX:+RecordDynamicDumpInfo}, and once it is ready
 * {@code jcmd <pid> VM.cds dynamic_dump} writes the archive; a start with one runs with {@code -XX:SharedArchiveFile}.
 * <p>
 * An archive belongs to one build of the service on one JDK with one set of JVM options: its name is a digest of the
 * JDK, the options and every file of {@code <service>/target/quarkus-app} (path, size, modification time), and it
 * lives next to them in {@code <service>/target/class-data}, where a new build's archive replaces the old one. The JVM
 * checks the archive itself as well and starts without it when it does not match.
 * <p>
 * Only with {@value #VARIABLE}{@code =on}: the README's command builds the services every time, every build needs
 * archives of its own, and recording, writing them and starting the services again on them make that first start
 * some 40 s longer than the archives save. They pay off in a stack whose services are restarted: the drills, the
 * benchmark's restart.
 */
final class ClassDataArchives {

    static final String VARIABLE = "LOCAL_STACK_CLASS_DATA";

    private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(2);
    private static final String EXTENSION = ".jsa";
    private static final Pattern AGENT = Pattern.compile("-agentpath:.*|-agentlib:.*|-javaagent:.*");

    private final Path root;
    private final boolean enabled;
    private final Path jcmd;

    ClassDataArchives(Path root, boolean enabled) {
        this.root = root;
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        this.enabled = enabled && Files.isExecutable(jcmd);
    }

    static ClassDataArchives of(Path root, Map<String, String> env) {
        return new ClassDataArchives(root, "on".equalsIgnoreCase(env.getOrDefault(VARIABLE, "").strip()));
    }

    /**
     * How a start of {@code service} with the JVM {@code options} uses class data: read its archive, or record one;
     * never record with an agent (a profiler, say), which a JVM that records refuses to start with.
     */
    ClassData forStart(StackService service, List<String> options) {
        if (!enabled) {
            return ClassData.NONE;
        }
        Path archive = archive(service, options);
        if (Files.isRegularFile(archive)) {
            return new ClassData(List.of("-XX:SharedArchiveFile=" + archive), null);
        }
        return options.stream().anyMatch(option -> AGENT.matcher(option).matches()) ? ClassData.NONE
                : new ClassData(List.of("-XX:+RecordDynamicDumpInfo"), archive);
    }

    /** What a start adds to its JVM options, and the archive it is to write once ready ({@code null}: none). */
    record ClassData(List<String> options, Path toWrite) {

        static final ClassData NONE = new ClassData(List.of(), null);

        boolean records() {
            return toWrite != null;
        }
    }

    /**
     * Writes the archive a ready process recorded, replacing the older builds' archives of its service; says on the
     * console when it cannot, and the service then starts without one.
     *
     * @return whether the archive was written
     */
    boolean write(StackService service, ClassData recorded, long pid) {
        Path archive = recorded.toWrite();
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        long begin = System.nanoTime();
        try {
            Files.createDirectories(archive.getParent());
            Files.deleteIfExists(partial);
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.cds", "dynamic_dump",
                    partial.toString()).redirectErrorStream(true).start();
            if (!dump.waitFor(DUMP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                dump.destroyForcibly();
                System.out.println(service.name() + ": no class-data archive, jcmd took longer than " + DUMP_TIMEOUT);
                return false;
            }
            String output = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (dump.exitValue() != 0 || !Files.isRegularFile(partial)) {
                System.out.println(service.name() + ": no class-data archive, jcmd said: " + output.strip());
                return false;
            }
            try (Stream<Path> older = Files.list(archive.getParent())) {
                for (Path file : older.filter(file -> file.getFileName().toString().endsWith(EXTENSION)).toList()) {
                    Files.delete(file);
                }
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            System.out.printf(Locale.ROOT, "%s: class-data archive written in %.1f s, for its next starts: %s%n",
                    service.name(), (System.nanoTime() - begin) / 1e9, archive);
            return true;
        } catch (IOException e) {
            System.out.println(service.name() + ": no class-data archive: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.out.println(service.name() + ": no class-data archive, interrupted while writing it");
        }
        return false;
    }

    private Path archive(StackService service, List<String> options) {
        Path app = root.resolve(service.name()).resolve("target/quarkus-app");
        MessageDigest digest = sha256();
        update(digest, System.getProperty("java.home"));
        update(digest, System.getProperty("java.vm.version"));
        options.forEach(option -> update(digest, option));
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                update(digest, app.relativize(file).toString());
                update(digest, Long.toString(Files.size(file)));
                update(digest, Long.toString(Files.getLastModifiedTime(file).toMillis()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + app, e);
        }
        String name = HexFormat.of().formatHex(digest.digest()).substring(0, 16) + EXTENSION;
        return root.resolve(service.name()).resolve("target/class-data").resolve(name);
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(value.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
