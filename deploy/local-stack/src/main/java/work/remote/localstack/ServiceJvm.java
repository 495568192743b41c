package work.remote.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How the stack runs a service's JVM: sized like a pod (deploy/k8s), and started from the class-data archive the
 * build left next to the jar when this JDK can use it ({@code app.aot} on a JDK with an AOT cache,
 * {@code app-cds.jsa} otherwise). {@value #OPTIONS_VARIABLE} adds options after these, so that they win.
 */
final class ServiceJvm {

    /** Extra JVM options for every service, space-separated, e.g. {@code -Xmx256m} or {@code -XX:TieredStopAtLevel=1}. */
    static final String OPTIONS_VARIABLE = "LOCAL_STACK_JVM_OPTIONS";

    /**
     * Heap, metaspace, code cache and thread stacks bounded; the serial collector, which needs no GC threads or
     * remembered sets and is the one for a container of at most two cores.
     */
    static final List<String> SIZING = List.of(
            "-XX:+UseSerialGC",
            "-Xmx128m",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=64m",
            "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError");

    /** glibc keeps an arena per core per thread that ever allocated: two keep the native heap small. */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /** The JDK release from which the JVM reads an AOT cache ({@code -XX:AOTCache}, JEP 483/515). */
    private static final int AOT_CACHE_RELEASE = 25;

    private final int jdkRelease;
    private final List<String> extra;

    ServiceJvm(int jdkRelease, String extraOptions) {
        this.jdkRelease = jdkRelease;
        this.extra = extraOptions == null || extraOptions.isBlank() ? List.of()
                : Arrays.asList(extraOptions.strip().split("\\s+"));
    }

    /** The JVM that runs the stack, with {@value #OPTIONS_VARIABLE} from {@code env}. */
    static ServiceJvm of(Map<String, String> env) {
        return new ServiceJvm(Runtime.version().feature(), env.get(OPTIONS_VARIABLE));
    }

    /** The options for the jar at {@code jar}, before {@code -jar}. */
    List<String> options(Path jar) {
        List<String> options = new ArrayList<>(SIZING);
        options.addAll(classData(jar.getParent()));
        options.addAll(extra);
        return options;
    }

    private List<String> classData(Path app) {
        Path aotCache = app.resolve("app.aot");
        if (jdkRelease >= AOT_CACHE_RELEASE && Files.isRegularFile(aotCache)) {
            return List.of("-XX:AOTCache=" + aotCache);
        }
        Path appCds = app.resolve("app-cds.jsa");
        if (Files.isRegularFile(appCds)) {
            return List.of("-XX:SharedArchiveFile=" + appCds);
        }
        return List.of();
    }
}
