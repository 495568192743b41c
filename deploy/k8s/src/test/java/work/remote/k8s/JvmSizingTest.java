package work.remote.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Every service's JVM is sized explicitly and fits its container: heap, metaspace and code cache bounded, with room
 * under the memory limit for what the JVM holds besides them (thread stacks, GC and compiler structures, malloc, the
 * JDK's own class data), and the serial collector on a container of at most two cores.
 * <p>
 * The image starts the JVM with run-java.sh, which puts {@code -XX:MaxRAMPercentage} (from {@code JAVA_MAX_MEM_RATIO}),
 * a collector (from {@code GC_CONTAINER_OPTIONS}) and {@code -XX:MaxMetaspaceSize} (from {@code GC_MAX_METASPACE_SIZE})
 * on the command line, after {@code JAVA_TOOL_OPTIONS}: there those would be overridden, or a second collector would
 * stop the JVM, so they must come through run-java.sh's variables.
 */
class JvmSizingTest {

    private static final long MI = 1024 * 1024;
    /** What a service's JVM holds outside heap, metaspace and code cache under load, measured on the local stack with room to spare. */
    private static final long NATIVE_HEADROOM = 64 * MI;
    /** The local stack runs the drills with a 128 MB heap; a pod gets no less (up to the ratio's rounding). */
    private static final long HEAP_AT_LEAST = 120 * MI;
    /** A service holds 105-115 MB of class metadata after a load (20-22k classes): the cap leaves room for more. */
    private static final long METASPACE_AT_LEAST = 160 * MI;
    /** A start loads about 100 MB of class metadata: a lower first threshold costs it a full collection at each step. */
    private static final long METASPACE_FIRST_THRESHOLD_AT_LEAST = 96 * MI;
    /** A service compiles about 51 MB of code under load; in a cache near full the JIT flushes and recompiles. */
    private static final long CODE_CACHE_AT_LEAST = 96 * MI;
    private static final Pattern CODE_CACHE = Pattern.compile("-XX:ReservedCodeCacheSize=(\\d+[kKmMgG]?)");
    private static final Pattern THREAD_STACK = Pattern.compile("-Xss(\\d+[kKmMgG]?)");
    private static final List<String> SIZING = List.of("JAVA_MAX_MEM_RATIO", "GC_CONTAINER_OPTIONS", "GC_MAX_METASPACE_SIZE",
            "GC_METASPACE_SIZE", "JAVA_TOOL_OPTIONS", "MALLOC_ARENA_MAX");
    private static final Pattern SET_BY_RUN_JAVA = Pattern.compile("-Xmx.*|-XX:MaxRAMPercentage=.*|-XX:MaxMetaspaceSize=.*|-XX:MetaspaceSize=.*|-XX:[+-]Use\\w+GC");

    private final Resources whole = K8s.whole();

    /** The console is sized as the services are: one set of values, in the root pom. */
    @Test
    void everyDeployableIsSizedAlike() {
        Deployment console = whole.deployment(ServiceProperties.CONSOLE);
        for (String service : ServiceProperties.services()) {
            Deployment deployment = whole.deployment(service);
            assertThat(Containers.of(console).getResources()).as("the console's resources, as %s's", service)
                    .isEqualTo(Containers.of(deployment).getResources());
            for (String variable : SIZING) {
                assertThat(Containers.value(console, whole, variable)).as("the console's %s, as %s's", variable, service)
                        .isPresent().isEqualTo(Containers.value(deployment, whole, variable));
            }
        }
    }

    @Test
    void heapMetaspaceAndCodeCacheLeaveRoomUnderTheMemoryLimit() {
        for (Deployment deployment : whole.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            long limit = bytes(Containers.of(deployment).getResources().getLimits().get("memory"));
            long heap = limit * Long.parseLong(variable(deployment, "JAVA_MAX_MEM_RATIO")) / 100;
            long metaspace = Long.parseLong(variable(deployment, "GC_MAX_METASPACE_SIZE")) * MI;
            long codeCache = size(option(deployment, CODE_CACHE));

            assertThat(heap).as("%s: heap", service).isGreaterThanOrEqualTo(HEAP_AT_LEAST);
            assertThat(codeCache).as("%s: code cache", service).isGreaterThanOrEqualTo(CODE_CACHE_AT_LEAST);
            assertThat(metaspace).as("%s: metaspace cap", service).isGreaterThanOrEqualTo(METASPACE_AT_LEAST);
            assertThat(Long.parseLong(variable(deployment, "GC_METASPACE_SIZE")) * MI)
                    .as("%s: the first metaspace threshold, above what the start loads", service)
                    .isBetween(METASPACE_FIRST_THRESHOLD_AT_LEAST, metaspace);
            assertThat(heap + metaspace + codeCache + NATIVE_HEADROOM)
                    .as("%s: heap %d Mi + metaspace %d Mi + code cache %d Mi + %d Mi headroom within the %d Mi limit", service,
                            heap / MI, metaspace / MI, codeCache / MI, NATIVE_HEADROOM / MI, limit / MI)
                    .isLessThanOrEqualTo(limit);
            assertThat(size(option(deployment, THREAD_STACK))).as("%s: thread stack", service)
                    .isBetween(256 * 1024L, MI);
        }
    }

    @Test
    void theMemoryRequestIsTheLimitSoThatTheSizedJvmIsNeverEvictedForUsingIt() {
        for (Deployment deployment : whole.all(Deployment.class)) {
            Container container = Containers.of(deployment);
            assertThat(bytes(container.getResources().getRequests().get("memory")))
                    .as(deployment.getMetadata().getName())
                    .isEqualTo(bytes(container.getResources().getLimits().get("memory")));
        }
    }

    @Test
    void aContainerOfAtMostTwoCoresRunsTheSerialCollector() {
        for (Deployment deployment : whole.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            Quantity cpu = Containers.of(deployment).getResources().getLimits().get("cpu");
            assertThat(Quantity.getAmountInBytes(cpu)).as("%s: cores", service).isLessThanOrEqualTo(BigDecimal.valueOf(2));
            assertThat(variable(deployment, "GC_CONTAINER_OPTIONS")).as(service).isEqualTo("-XX:+UseSerialGC");
        }
    }

    @Test
    void javaToolOptionsLeaveHeapMetaspaceAndCollectorToRunJava() {
        for (Deployment deployment : whole.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            List<String> options = Arrays.asList(variable(deployment, "JAVA_TOOL_OPTIONS").split("\\s+"));
            assertThat(options).as("%s: JAVA_TOOL_OPTIONS", service).contains("-XX:+ExitOnOutOfMemoryError")
                    .noneMatch(option -> SET_BY_RUN_JAVA.matcher(option).matches());
            assertThat(Containers.value(deployment, whole, "JAVA_OPTS")).as("%s: JAVA_OPTS", service).isEmpty();
            assertThat(variable(deployment, "MALLOC_ARENA_MAX")).as(service).isEqualTo("2");
        }
    }

    private String variable(Deployment deployment, String name) {
        return Containers.value(deployment, whole, name)
                .orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + " does not set " + name));
    }

    private String option(Deployment deployment, Pattern pattern) {
        Matcher matcher = pattern.matcher(variable(deployment, "JAVA_TOOL_OPTIONS"));
        return Optional.of(matcher).filter(Matcher::find).map(found -> found.group(1))
                .orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + ": JAVA_TOOL_OPTIONS has no " + pattern));
    }

    private static long bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).longValueExact();
    }

    /** A JVM size: {@code 64m}, {@code 512k}, {@code 1g} or bytes. */
    private static long size(String value) {
        char unit = Character.toLowerCase(value.charAt(value.length() - 1));
        long factor = switch (unit) {
            case 'k' -> 1024;
            case 'm' -> MI;
            case 'g' -> 1024 * MI;
            default -> 1;
        };
        return Long.parseLong(Character.isDigit(unit) ? value : value.substring(0, value.length() - 1)) * factor;
    }
}
