package work.remote.process.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.StartupEvent;

import work.remote.platform.caller.Caller;
import work.remote.process.Process;
import work.remote.process.ProcessDefinition;
import work.remote.process.ProcessVersion;
import work.remote.process.config.ProcessConfig;

/**
 * Puts the playbook's worked example, "How a new feature launch is coordinated between product and customer
 * support", into a fresh system as published version 1, through the same service calls people use: drafted,
 * rehearsed step by step by its author, then published.
 */
@ApplicationScoped
public class ExampleSeed {

    static final String RESOURCE = "seed/feature-launch-process.json";
    static final Caller AUTHOR = Caller.of("process-service-seed");
    private static final Logger LOG = Logger.getLogger(ExampleSeed.class);

    static final String WALKED = "Walked through as the playbook's worked example describes it";

    private final ProcessService processes;
    private final RehearsalService rehearsals;
    private final ProcessConfig config;
    private final ObjectMapper json;

    @Inject
    public ExampleSeed(ProcessService processes, RehearsalService rehearsals, ProcessConfig config,
            ObjectMapper json) {
        this.processes = processes;
        this.rehearsals = rehearsals;
        this.config = config;
        this.json = json;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.seedExample()) {
            seed();
        }
    }

    /**
     * Creates, rehearses and publishes the example unless a process with its key exists; returns the published
     * version.
     */
    @Transactional
    public ProcessVersion seed() {
        ProcessService.Draft example = example();
        Process existing = Process.findByKey(example.key());
        if (existing != null) {
            LOG.debugf("Example process %s exists already", example.key());
            return existing.latestVersion == null ? null : ProcessVersion.get(existing.id, existing.latestVersion);
        }
        Process process = processes.create(example, AUTHOR);
        rehearsals.rehearse(process.id, new RehearsalService.Walkthrough(List.of(AUTHOR.id()),
                example.definition().steps().stream()
                        .map(step -> new RehearsalService.Walkthrough.Step(step.id(), WALKED, null)).toList()),
                AUTHOR);
        ProcessVersion version = processes.publish(process.id, null, new ProcessService.Publication(
                "The playbook's worked example of a feature launch", null, null), AUTHOR);
        LOG.infof("Seeded example process %s as version %d", example.key(), version.number);
        return version;
    }

    /** The example as the draft body its author would send: the key next to the definition's fields. */
    public ProcessService.Draft example() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            ObjectNode draft = (ObjectNode) json.readTree(in);
            String key = draft.remove("key").asText();
            return new ProcessService.Draft(key, json.treeToValue(draft, ProcessDefinition.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
