package work.remote.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Runs a drain on one background thread whenever it is nudged. Nudges that arrive while a run is queued
 * coalesce into it; a nudge during a run queues one more run, so no nudge is lost. The drain answers when it
 * wants to run again (after a failure, or while work is held elsewhere), or empty when it is done.
 */
public final class DrainLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DrainLoop.class);
    private static final Duration AFTER_UNEXPECTED_FAILURE = Duration.ofSeconds(1);

    private final Supplier<Optional<Duration>> drain;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();

    public DrainLoop(String threadName, Supplier<Optional<Duration>> drain) {
        this.drain = drain;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread worker = new Thread(runnable, threadName);
            worker.setDaemon(true);
            return worker;
        });
    }

    public void nudge() {
        nudgeIn(Duration.ZERO);
    }

    public void nudgeIn(Duration delay) {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                queued.set(false);
            }
        }
    }

    private void run() {
        queued.set(false);
        Optional<Duration> again;
        try {
            again = drain.get();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Drain on %s failed", Thread.currentThread().getName());
            again = Optional.of(AFTER_UNEXPECTED_FAILURE);
        }
        again.ifPresent(this::nudgeIn);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
