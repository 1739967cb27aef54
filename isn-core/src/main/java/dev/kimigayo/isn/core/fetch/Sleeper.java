package dev.kimigayo.isn.core.fetch;

import java.time.Duration;

/** Waits between retries; tests inject one that records the delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** The real thing: {@link Thread#sleep}. */
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    /** Waits {@code delay}; interrupted when the fetch is cancelled. */
    void sleep(Duration delay) throws InterruptedException;
}
