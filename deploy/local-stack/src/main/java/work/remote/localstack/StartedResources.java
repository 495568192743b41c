package work.remote.localstack;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the stack has started, closed in the reverse order. A stop that comes while the stack is still starting
 * (Ctrl-C during a start) closes what is there, and whatever the start adds afterwards is closed at once.
 */
final class StartedResources {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private boolean closing;

    /** Keeps {@code resource} for {@link #closeAll()}; throws after closing it when the stack is stopping. */
    synchronized <T extends AutoCloseable> T add(T resource) {
        started.push(resource);
        if (closing) {
            closeAll();
            throw new IllegalStateException("stopped while starting");
        }
        return resource;
    }

    synchronized boolean isEmpty() {
        return started.isEmpty();
    }

    /** Closes everything, the last started first; a resource that fails to close does not keep the rest open. */
    synchronized void closeAll() {
        closing = true;
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("stopping " + resource + " failed: " + e);
            }
        }
    }
}
