package work.remote.process.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "process")
public interface ProcessConfig {

    /**
     * Whether to create and publish the example process "How a new feature launch is coordinated between product
     * and customer support" at start-up when no process with its key exists.
     */
    @WithDefault("false")
    boolean seedExample();

    FlowchartCache flowchartCache();

    /** Rendered flowcharts of published versions, kept because a published version never changes. */
    interface FlowchartCache {

        /** How many characters of Mermaid text and SVG are kept at most; the least used charts go first. */
        @WithDefault("8000000")
        long maxCharacters();
    }
}
