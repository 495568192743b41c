package work.remote.localstack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How the stack runs a service's JVM: sized like a pod (deploy/k8s). {@value #OPTIONS_VARIABLE} adds options after
 * these, so that they win.
 */
final class ServiceJvm {

    /** Extra JVM options for every service, space-separated, e.g. {@code -Xmx256m} or {@code -XX:TieredStopAtLevel=1}. */
    static final String OPTIONS_VARIABLE = "LOCAL_STACK_JVM_OPTIONS";

    /**
     * Heap, metaspace, code cache and thread stacks bounded; the serial collector, which needs no GC threads or
     * remembered sets and is the one for a container of at most two cores. A service holds 105-118 MB of class
     * metadata (20-22k classes), 40-60 MB of live heap and about 51 MB of compiled code under load: in a code cache
     * near full the JIT flushes methods and compiles them again, a steady cost in CPU and latency. The first metaspace
     * threshold at 128 MB spares the start the full collections that each step of the default 21 MB threshold costs.
     */
    static final List<String> SIZING = List.of(
            "-XX:+UseSerialGC",
            "-Xmx128m",
            "-XX:MetaspaceSize=128m",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=96m",
            "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError");

    /** glibc keeps an arena per core per thread that ever allocated: two keep the native heap small. */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private final List<String> extra;

    ServiceJvm(String extraOptions) {
        this.extra = extraOptions == null || extraOptions.isBlank() ? List.of()
                : Arrays.asList(extraOptions.strip().split("\\s+"));
    }

    /** The sizing, with {@value #OPTIONS_VARIABLE} from {@code env}. */
    static ServiceJvm of(Map<String, String> env) {
        return new ServiceJvm(env.get(OPTIONS_VARIABLE));
    }

    /** The options for every service process, before its {@code -D} configuration and {@code -jar}. */
    List<String> options() {
        return options(List.of());
    }

    /** The options with those for class data ({@link ClassDataArchives}) between the sizing and the developer's. */
    List<String> options(List<String> classData) {
        List<String> options = new ArrayList<>(SIZING);
        options.addAll(classData);
        options.addAll(extra);
        return options;
    }
}
