package work.remote.console.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import work.remote.console.config.ConsoleConfig;

/**
 * The events the console received lately, numbered in the order they came, and the pages listening for more. A page
 * that reconnects names the last id it saw and gets every later one still kept; ids carry this run's start, so an id
 * from before a restart, or one older than the buffer, is answered with a catch-up that makes the page read everything
 * anew.
 */
@ApplicationScoped
public class LiveEvents {

    /** What a listener gets after subscribing: the events after its last id, and whether some were lost. */
    public record Replay(List<LiveEvent> events, boolean gap) {
    }

    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final int capacity;
    private final Deque<LiveEvent> buffer = new ArrayDeque<>();
    private final List<Consumer<LiveEvent>> listeners = new CopyOnWriteArrayList<>();
    private long last;

    public LiveEvents(ConsoleConfig config) {
        this.capacity = config.live().buffer();
    }

    /** The SSE id of an event: this run and the event's sequence. */
    public String idOf(LiveEvent event) {
        return idOf(event.sequence());
    }

    public synchronized String lastId() {
        return idOf(last);
    }

    private String idOf(long sequence) {
        return run + "-" + sequence;
    }

    public synchronized LiveEvent publish(String type, Set<String> about, String summary) {
        LiveEvent event = new LiveEvent(++last, type, Set.copyOf(about), summary);
        buffer.addLast(event);
        while (buffer.size() > capacity) {
            buffer.removeFirst();
        }
        listeners.forEach(listener -> listener.accept(event));
        return event;
    }

    /**
     * Hands {@code replay} what was missed after {@code lastEventId} (nothing for a first connection) and then
     * registers {@code listener} for every later event, atomically: no event falls between the two or comes twice.
     */
    public synchronized void subscribe(String lastEventId, Consumer<Replay> replay, Consumer<LiveEvent> listener) {
        replay.accept(missedAfter(lastEventId));
        listeners.add(listener);
    }

    private Replay missedAfter(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return new Replay(List.of(), false);
        }
        long after = sequenceOf(lastEventId.strip());
        if (after < 0 || after > last) {
            return new Replay(List.of(), true);
        }
        long oldestKept = buffer.isEmpty() ? last + 1 : buffer.getFirst().sequence();
        List<LiveEvent> missed = new ArrayList<>();
        for (LiveEvent event : buffer) {
            if (event.sequence() > after) {
                missed.add(event);
            }
        }
        return new Replay(missed, after + 1 < oldestKept);
    }

    public void unsubscribe(Consumer<LiveEvent> listener) {
        listeners.remove(listener);
    }

    /** The sequence an id of this run names, or -1 for an id of another run or no id of ours. */
    private long sequenceOf(String id) {
        int dash = id.lastIndexOf('-');
        if (dash < 0 || !id.substring(0, dash).equals(run)) {
            return -1;
        }
        try {
            return Long.parseLong(id.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
