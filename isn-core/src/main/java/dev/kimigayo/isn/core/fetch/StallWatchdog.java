package dev.kimigayo.isn.core.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Closes a body stream when no byte has arrived for the stall timeout. The JDK HTTP client has no
 * read timeout for response bodies, so a server that goes silent mid-body would otherwise block
 * the reader forever; closing the stream unblocks it, and {@link #stalled()} tells why. It also
 * closes the stream when the caller cancels, so Ctrl-C does not wait for a silent server.
 */
final class StallWatchdog implements AutoCloseable {

    private final long limitNanos;
    private final Closeable target;
    private final BooleanSupplier cancelled;
    private final ScheduledFuture<?> task;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;

    StallWatchdog(ScheduledExecutorService timer, Duration limit, Closeable target, BooleanSupplier cancelled) {
        this.limitNanos = limit.toNanos();
        this.target = target;
        this.cancelled = cancelled;
        // At most 250 ms between checks: a cancellation is noticed that fast.
        long period = Math.max(10, Math.min(limit.toMillis() / 4, 250));
        this.task = timer.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** Records that bytes arrived. */
    void touch() {
        lastProgress = System.nanoTime();
    }

    /** Whether the watchdog gave up on the stream. */
    boolean stalled() {
        return stalled;
    }

    private void check() {
        boolean stop = cancelled.getAsBoolean();
        if (!stalled && (stop || System.nanoTime() - lastProgress > limitNanos)) {
            stalled = !stop;
            try {
                target.close();
            } catch (IOException | RuntimeException ignored) {
                // The reader sees the closed stream (or its own error) and asks stalled().
            }
        }
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
