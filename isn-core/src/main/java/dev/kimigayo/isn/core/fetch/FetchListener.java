package dev.kimigayo.isn.core.fetch;

import java.time.Duration;

/**
 * Receives progress from the {@link Fetcher} and may cancel it. Every method has a no-op
 * default; {@link #NONE} ignores everything. During {@link Fetcher#fetchAll} the methods are
 * called from several threads at once, so implementations must be thread-safe.
 */
public interface FetchListener {

    /** Ignores every event and never cancels. */
    FetchListener NONE = new FetchListener() {
    };

    /**
     * Fetching {@code request} begins, before its first attempt; exactly one {@link #finished} or
     * {@link #failed} follows.
     */
    default void fetching(FetchRequest request) {
    }

    /** An attempt at {@code request} begins ({@code attempt} counts from 1). */
    default void started(FetchRequest request, int attempt) {
    }

    /** {@code bytes} of {@code total} arrived so far; {@code total} is -1 when the server did not say. */
    default void progress(FetchRequest request, long bytes, long total) {
    }

    /** An attempt failed with {@code cause}; the next begins after {@code delay}. */
    default void retrying(FetchRequest request, int nextAttempt, Duration delay, FetchException cause) {
    }

    /** {@code request} finished successfully. */
    default void finished(FetchRequest request, FetchResult result) {
    }

    /**
     * {@code request} was given up, with {@code cause}: every attempt failed, what arrived was
     * refused, or it was cancelled. The destination is untouched.
     */
    default void failed(FetchRequest request, Exception cause) {
    }

    /** Polled between chunks and retries: return true to abandon every fetch in progress. */
    default boolean cancelled() {
        return false;
    }
}
