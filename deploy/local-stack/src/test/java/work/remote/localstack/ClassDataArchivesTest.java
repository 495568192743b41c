package work.remote.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import work.remote.localstack.ClassDataArchives.ClassData;

class ClassDataArchivesTest {

    static final Map<String, String> ON = Map.of(ClassDataArchives.VARIABLE, "on");

    @TempDir
    Path root;

    private final StackService service = new StackService("meeting-service", "meeting", LocalStackTest.free(),
            LocalStackTest.free());

    @Test
    void aStartWithoutAnArchiveRecordsOneThatTheNextStartsRead() throws Exception {
        LocalStackTest.fakeServiceJar(root, service.name(), FakeService.class);
        ClassDataArchives archives = ClassDataArchives.of(root, ON);

        ClassData first = archives.forStart(service, ServiceJvm.SIZING);
        assertThat(first.records()).isTrue();
        assertThat(first.options()).containsExactly("-XX:+RecordDynamicDumpInfo");
        Process recording = startAndAwaitReady(first, "recording");
        try {
            archives.write(service, first, recording.pid());
        } finally {
            recording.destroyForcibly().waitFor();
        }

        ClassData next = archives.forStart(service, ServiceJvm.SIZING);
        assertThat(first.toWrite()).isRegularFile().hasParent(root.resolve("meeting-service/target/class-data"));
        assertThat(next.records()).isFalse();
        assertThat(next.options()).containsExactly("-XX:SharedArchiveFile=" + first.toWrite());
        // -Xshare:on: the JVM refuses to start unless it maps the archive
        List<String> strict = new ArrayList<>(next.options());
        strict.add("-Xshare:on");
        startAndAwaitReady(new ClassData(strict, null), "reading").destroyForcibly().waitFor();
    }

    @Test
    void aNewBuildAndOtherJvmOptionsGetArchivesOfTheirOwn() throws IOException {
        LocalStackTest.fakeServiceJar(root, service.name(), FakeService.class);
        ClassDataArchives archives = ClassDataArchives.of(root, ON);
        Path built = archives.forStart(service, ServiceJvm.SIZING).toWrite();

        Path jar = root.resolve("meeting-service/target/quarkus-app/quarkus-run.jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        Path rebuilt = archives.forStart(service, ServiceJvm.SIZING).toWrite();
        List<String> otherOptions = new ArrayList<>(ServiceJvm.SIZING);
        otherOptions.add("-Xmx256m");

        assertThat(rebuilt).isNotEqualTo(built);
        assertThat(archives.forStart(service, otherOptions).toWrite()).isNotIn(built, rebuilt);
    }

    @Test
    void aStartWithAnAgentReadsNoArchiveItDidNotRecordAndRecordsNone() throws IOException {
        LocalStackTest.fakeServiceJar(root, service.name(), FakeService.class);
        List<String> profiled = new ArrayList<>(ServiceJvm.SIZING);
        profiled.add("-agentpath:/opt/profiler/libasyncProfiler.so=start,event=cpu,file=profile.html");

        ClassData classData = ClassDataArchives.of(root, ON).forStart(service, profiled);

        assertThat(classData.records()).isFalse();
        assertThat(classData.options()).isEmpty();
    }

    @Test
    void withoutBeingAskedForEveryServiceStartsWithoutOne() throws IOException {
        LocalStackTest.fakeServiceJar(root, service.name(), FakeService.class);

        ClassData classData = ClassDataArchives.of(root, Map.of()).forStart(service, ServiceJvm.SIZING);

        assertThat(classData.records()).isFalse();
        assertThat(classData.options()).isEmpty();
    }

    private Process startAndAwaitReady(ClassData classData, String name) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(new ServiceJvm(null).options(classData.options()));
        command.add("-Dquarkus.http.port=" + service.port());
        command.add("-Dquarkus.management.port=" + service.managementPort());
        command.add("-jar");
        command.add(root.resolve("meeting-service/target/quarkus-app/quarkus-run.jar").toString());
        Path log = root.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Readiness.await(service, process, log, Instant.now().plus(Readiness.TIMEOUT));
        return process;
    }
}
