package work.remote.platform.inbox;

import java.util.Optional;

/** What a consumer does about an event, decided from what it holds in memory, before any transaction. */
@FunctionalInterface
public interface Reaction {

    /**
     * The effect {@code event} has on this consumer, which the {@link Inbox} runs once, in its transaction; empty
     * when nothing here acts on it: the event is then acknowledged without an inbox row, since there is no effect
     * a redelivery could repeat.
     */
    Optional<Runnable> to(ReceivedEvent event);
}
