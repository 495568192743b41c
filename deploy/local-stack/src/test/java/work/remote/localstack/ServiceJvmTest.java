package work.remote.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceJvmTest {

    @Test
    void everyServiceIsSizedExplicitly() {
        assertThat(ServiceJvm.of(Map.of()).options()).containsExactlyElementsOf(ServiceJvm.SIZING)
                .contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError")
                .anyMatch(option -> option.startsWith("-Xmx"))
                .anyMatch(option -> option.startsWith("-XX:MetaspaceSize="))
                .anyMatch(option -> option.startsWith("-XX:MaxMetaspaceSize="))
                .anyMatch(option -> option.startsWith("-XX:ReservedCodeCacheSize="))
                .anyMatch(option -> option.startsWith("-Xss"));
    }

    @Test
    void whatTheDeveloperAddsComesLastSoThatItWins() {
        ServiceJvm jvm = ServiceJvm.of(Map.of(ServiceJvm.OPTIONS_VARIABLE, " -Xmx256m  -XX:TieredStopAtLevel=1 "));

        assertThat(jvm.options()).startsWith(ServiceJvm.SIZING.toArray(String[]::new))
                .endsWith("-Xmx256m", "-XX:TieredStopAtLevel=1")
                .hasSize(ServiceJvm.SIZING.size() + 2);
    }
}
