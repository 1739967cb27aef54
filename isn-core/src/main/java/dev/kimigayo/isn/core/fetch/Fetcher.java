package dev.kimigayo.isn.core.fetch;

import java.net.http.HttpClient;
import java.time.Duration;
import java.net.URI;
import java.util.ArrayList;
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
    private final MirrorHealth health = new MirrorHealth();
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

    /** One file, reported to the listener as {@code fetching} followed by {@code finished} or {@code failed}. */
    FetchResult fetch(FetchRequest r, BooleanSupplier cancelled) throws IsnException {
        listener.fetching(r);
        FetchResult result;
        try {
            result = attempts(r, cancelled);
        } catch (IsnException | RuntimeException e) {
            listener.failed(r, e);
            throw e;
        }
        listener.finished(r, result);
        return result;
    }

    /**
     * One file: each round tries every candidate URL in order (servers that failed earlier in
     * this run last), moving on at once when one cannot deliver; rounds are separated by the
     * backoff and limited by {@code maxAttempts} (fewer for connection failures, see
     * {@link FetchException#roundsWorthTrying}). Bytes that arrived before a dropped connection
     * are kept, so the next try asks only for the rest.
     */
    private FetchResult attempts(FetchRequest r, BooleanSupplier cancelled) throws IsnException {
        if (settings.offline() && !"file".equals(r.scheme())) {
            throw new FetchException(r.url(), Reason.OFFLINE, -1, 0, "not fetching " + r.url()
                    + ": the network is off (--no-network); run once without it to fill the cache", null);
        }
        List<URI> candidates = r.candidates();
        int attempt = 0;
        try (Partial partial = new Partial()) {
            for (int round = 1; ; round++) {
                List<FetchException> failures = new ArrayList<>();
                for (URI url : health.order(candidates)) {
                    attempt++;
                    FetchRequest one = candidates.size() == 1 ? r : r.at(url);
                    listener.started(one, attempt);
                    try {
                        FetchResult result = once(one, attempt, cancelled, partial);
                        health.worked(url);
                        return result;
                    } catch (FetchException e) {
                        if (!e.mirrorMayHelp() || cancelled.getAsBoolean()) {
                            throw e.afterAttempts(attempt);
                        }
                        if (e.retryable()) {
                            health.failed(url);
                        }
                        failures.add(e);
                    }
                }
                int next = round + 1;
                boolean retry = failures.stream()
                        .anyMatch(f -> f.retryable() && next <= f.roundsWorthTrying(settings.maxAttempts()));
                if (!retry || cancelled.getAsBoolean()) {
                    throw summary(failures).afterAttempts(attempt);
                }
                Duration delay = settings.backoffBefore(round + 1);
                listener.retrying(r, attempt + 1, delay, failures.get(failures.size() - 1));
                try {
                    settings.sleeper().sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new FetchException(r.url(), Reason.CANCELLED, -1, attempt,
                            "fetching " + r.url() + " was cancelled while waiting to retry", ie);
                }
            }
        } catch (java.io.IOException e) {
            throw new FetchException(r.url(), Reason.WRITE, -1, attempt, "cannot delete the partial download of "
                    + r.url() + ": " + e.getMessage(), e);
        }
    }

    /** One mirror's failure as it is; several as one failure whose message lists each. */
    private static FetchException summary(List<FetchException> failures) {
        FetchException last = failures.get(failures.size() - 1);
        if (failures.size() == 1) {
            return last;
        }
        StringBuilder m = new StringBuilder("every mirror failed:");
        for (FetchException f : failures) {
            m.append(' ').append(f.getMessage().replace("; " + HttpTransfer.NETWORK_HINT, "")).append(';');
        }
        m.setLength(m.length() - 1);
        return last.withMessage(m.toString());
    }

    private FetchResult once(FetchRequest r, int attempt, BooleanSupplier cancelled, Partial partial)
            throws IsnException {
        if ("file".equals(r.scheme())) {
            return FileTransfer.attempt(r, attempt, listener, cancelled);
        }
        return new HttpTransfer(client(), settings, timer()).attempt(r, attempt, listener, cancelled, partial);
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
