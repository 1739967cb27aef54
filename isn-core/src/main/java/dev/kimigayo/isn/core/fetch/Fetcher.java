package dev.kimigayo.isn.core.fetch;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.fetch.FetchException.Reason;

/**
 * Downloads {@code http://}, {@code https://} and {@code file://} URLs into files: size-capped,
 * SHA-256-checked while streaming, written to a temporary file beside the destination and
 * renamed into place only when complete and verified, retried with exponential backoff when the
 * failure may be transient. See docs/fetching.md for the policies.
 */
public final class Fetcher implements AutoCloseable {

    private final FetchSettings settings;
    private final FetchListener listener;
    private HttpClient client;
    private ScheduledExecutorService timer;

    /** A fetcher with {@code settings} that reports to {@code listener}. */
    public Fetcher(FetchSettings settings, FetchListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /** A fetcher with {@code settings} and no listener. */
    public Fetcher(FetchSettings settings) {
        this(settings, FetchListener.NONE);
    }

    /**
     * Fetches one file. Throws {@link FetchException} when it cannot be downloaded,
     * {@link DigestMismatchException} or {@link SizeLimitExceededException} when what arrived is
     * not what was promised; in every failure case the destination is untouched and no
     * temporary file remains.
     */
    public FetchResult fetch(FetchRequest request) throws IsnException {
        return fetch(request, listener::cancelled);
    }

    /**
     * Fetches every request with at most {@code parallelism} at a time and returns the results in
     * request order. On the first failure the others are cancelled, their temporary files
     * removed, and that failure is thrown; files already complete stay in place.
     */
    public List<FetchResult> fetchAll(List<FetchRequest> requests, int parallelism) throws IsnException {
        return new ParallelFetch(this, listener).run(requests, parallelism);
    }

    /** Stops the stall-watchdog thread; the fetcher must not be used afterwards. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    FetchResult fetch(FetchRequest r, BooleanSupplier cancelled) throws IsnException {
        for (int attempt = 1; ; attempt++) {
            listener.started(r, attempt);
            try {
                FetchResult result = once(r, attempt, cancelled);
                listener.finished(r, result);
                return result;
            } catch (FetchException e) {
                if (!e.retryable() || attempt >= settings.maxAttempts() || cancelled.getAsBoolean()) {
                    throw e.afterAttempts(attempt);
                }
                Duration delay = settings.backoffBefore(attempt + 1);
                listener.retrying(r, attempt + 1, delay, e);
                try {
                    settings.sleeper().sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new FetchException(r.url(), Reason.CANCELLED, -1, attempt,
                            "fetching " + r.url() + " was cancelled while waiting to retry", ie);
                }
            }
        }
    }

    private FetchResult once(FetchRequest r, int attempt, BooleanSupplier cancelled) throws IsnException {
        if ("file".equals(r.scheme())) {
            return FileTransfer.attempt(r, attempt, listener, cancelled);
        }
        return new HttpTransfer(client(), settings, timer()).attempt(r, attempt, listener, cancelled);
    }

    // Created on first use: a run that only reads file:// repositories never starts HTTP machinery.
    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .proxy(settings.proxy().selector())
                    .build();
        }
        return client;
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread t = new Thread(task, "isn-fetch-watchdog");
                t.setDaemon(true);
                return t;
            });
        }
        return timer;
    }
}
