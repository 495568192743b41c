package work.remote.process.config;

import java.time.Duration;

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

    AdoptionFollowUp adoptionFollowUp();

    /** The Check step's nudge: on a rollout's follow-up date, who has not said how the process works for them is asked. */
    interface AdoptionFollowUp {

        /** When, after a rollout starts, its follow-up date is unless the rollout's plan sets one. */
        @WithDefault("P14D")
        Duration after();

        /** The latest a plan may set a follow-up date, counted from the rollout's start. */
        @WithDefault("P365D")
        Duration atMostAfter();

        /** How often the follow-up looks for rollouts whose date came (also the longest a question can be late). */
        @WithDefault("1m")
        Duration checkInterval();

        /** How many due rollouts one look follows up at most; the rest wait for the next look. */
        @WithDefault("50")
        int batchSize();
    }

    /** Rendered flowcharts of published versions, kept because a published version never changes. */
    interface FlowchartCache {

        /** How many characters of Mermaid text and SVG are kept at most; the least used charts go first. */
        @WithDefault("8000000")
        long maxCharacters();
    }
}
