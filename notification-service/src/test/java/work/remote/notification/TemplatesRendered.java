package work.remote.notification;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.qute.EngineBuilder;

/**
 * Which templates the current thread starts to render while it runs a piece of work: a seam in Qute's engine, so a
 * test sees what rendering really did, and other threads (the consumer, the senders) are not counted.
 */
@Singleton
public class TemplatesRendered {

    private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    void recordTemplateInstances(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(instance -> {
            List<String> ids = recording.get();
            if (ids != null) {
                ids.add(instance.getTemplate().getId());
            }
        });
    }

    /** The ids of the templates {@code work} renders on this thread, in order. */
    public List<String> during(Runnable work) {
        List<String> ids = new ArrayList<>();
        recording.set(ids);
        try {
            work.run();
        } finally {
            recording.remove();
        }
        return ids;
    }
}
