package work.remote.process.service;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;

import work.remote.process.ProcessDefinition;
import work.remote.process.config.ProcessConfig;
import work.remote.process.flow.MermaidChart;
import work.remote.process.flow.SvgChart;

/**
 * The flowchart of a process, as Mermaid text or as an SVG picture. A published version never changes, so its charts
 * are laid out once and kept in a cache bounded by {@code process.flowchart-cache.max-characters}; the open draft's
 * are laid out on every request. Each layout counts in the metric {@code process.flowchart.layouts}.
 */
@ApplicationScoped
public class Flowcharts {

    public enum Format {
        MERMAID(MermaidChart::of), SVG(SvgChart::of);

        private final Function<ProcessDefinition, String> layout;

        Format(Function<ProcessDefinition, String> layout) {
            this.layout = layout;
        }
    }

    /** A laid-out chart and its entity tag, a digest of its text. */
    public record Chart(String text, String tag) {

        static Chart of(String text) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8));
                return new Chart(text, HexFormat.of().formatHex(digest, 0, 16));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }
    }

    private record PublishedChart(UUID processId, int version, Format format) {
    }

    public static final String LAYOUTS_METRIC = "process.flowchart.layouts";

    private final ProcessService processes;
    private final MeterRegistry metrics;
    private final Cache<PublishedChart, Chart> published;

    @Inject
    public Flowcharts(ProcessService processes, MeterRegistry metrics, ProcessConfig config) {
        this.processes = processes;
        this.metrics = metrics;
        this.published = Caffeine.newBuilder().maximumWeight(config.flowchartCache().maxCharacters())
                .<PublishedChart, Chart>weigher((key, chart) -> chart.text().length()).build();
    }

    /** The chart of the given published version; without one of the open draft, else of the latest version. */
    public Chart chart(UUID processId, Integer version, Format format) {
        OptionalInt drawn = processes.publishedVersionDrawn(processId, version);
        if (drawn.isEmpty()) {
            return layOut(processes.definition(processId, null), format);
        }
        return published.get(new PublishedChart(processId, drawn.getAsInt(), format),
                key -> layOut(processes.version(key.processId(), key.version()).definition, key.format()));
    }

    private Chart layOut(ProcessDefinition definition, Format format) {
        metrics.counter(LAYOUTS_METRIC, "format", format.name().toLowerCase(Locale.ROOT)).increment();
        return Chart.of(format.layout.apply(definition));
    }
}
