package dev.kimigayo.isn.core.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a body stream when no byte has arrived for the stall timeout. The JDK HTTP client has no
 * read timeout for response bodies, so a server that goes silent mid-body would otherwise block
 * the reader forever; closing the stream unblocks it, and {@link #stalled()} tells why.
 */
final class StallWatchdog implements AutoCloseable {

    private final long limitNanos;
    private final Closeable target;
    private final ScheduledFuture<?> task;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;

    StallWatchdog(ScheduledExecutorService timer, Duration limit, Closeable target) {
        this.limitNanos = limit.toNanos();
        this.target = target;
        long period = Math.max(10, Math.min(limit.toMillis() / 4, 1000));
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
        if (!stalled && System.nanoTime() - lastProgress > limitNanos) {
            stalled = true;
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
