package dev.kimigayo.isn.core.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link Fetcher} behaves: timeouts, retries with exponential backoff, redirects,
 * proxies and the User-Agent. Immutable; start from {@link #defaults()} and use the
 * {@code withX} methods.
 *
 * @param connectTimeout  limit for opening a TCP connection
 * @param stallTimeout    limit for waiting on the next byte (or the response headers)
 * @param maxAttempts     attempts per file, including the first (1 disables retries)
 * @param initialBackoff  wait before the second attempt; doubled before each later one
 * @param maxBackoff      upper bound of the wait between attempts
 * @param maxRedirects    redirects followed per attempt
 * @param proxy           which proxy serves which URL
 * @param sleeper         how to wait between attempts (injected by tests)
 * @param userAgent       the User-Agent header
 * @param offline         fetch nothing over the network ({@code --no-network}); {@code file:} still works
 */
public record FetchSettings(Duration connectTimeout, Duration stallTimeout, int maxAttempts,
        Duration initialBackoff, Duration maxBackoff, int maxRedirects, ProxySettings proxy,
        Sleeper sleeper, String userAgent, boolean offline) {

    /** Checks the values. */
    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(userAgent, "userAgent");
        if (maxAttempts < 1 || maxRedirects < 0) {
            throw new IllegalArgumentException("maxAttempts must be >= 1 and maxRedirects >= 0");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** 10 s connect, 30 s stall, 4 attempts waiting 1 s, 2 s, 4 s (at most 30 s), 5 redirects, no proxy. */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 5, ProxySettings.NONE, Sleeper.REAL, "isn/0.1", false);
    }

    /** A copy with other connect and stall timeouts. */
    public FetchSettings withTimeouts(Duration connect, Duration stall) {
        return new FetchSettings(connect, stall, maxAttempts, initialBackoff, maxBackoff, maxRedirects, proxy,
                sleeper, userAgent, offline);
    }

    /** A copy with another retry schedule. */
    public FetchSettings withRetries(int attempts, Duration initial, Duration max) {
        return new FetchSettings(connectTimeout, stallTimeout, attempts, initial, max, maxRedirects, proxy,
                sleeper, userAgent, offline);
    }

    /** A copy following at most {@code redirects} same-host redirects. */
    public FetchSettings withMaxRedirects(int redirects) {
        return new FetchSettings(connectTimeout, stallTimeout, maxAttempts, initialBackoff, maxBackoff, redirects,
                proxy, sleeper, userAgent, offline);
    }

    /** A copy using {@code settings} to choose proxies. */
    public FetchSettings withProxy(ProxySettings settings) {
        return new FetchSettings(connectTimeout, stallTimeout, maxAttempts, initialBackoff, maxBackoff, maxRedirects,
                settings, sleeper, userAgent, offline);
    }

    /** A copy waiting between attempts with {@code s}. */
    public FetchSettings withSleeper(Sleeper s) {
        return new FetchSettings(connectTimeout, stallTimeout, maxAttempts, initialBackoff, maxBackoff, maxRedirects,
                proxy, s, userAgent, offline);
    }

    /** A copy sending another User-Agent. */
    public FetchSettings withUserAgent(String agent) {
        return new FetchSettings(connectTimeout, stallTimeout, maxAttempts, initialBackoff, maxBackoff, maxRedirects,
                proxy, sleeper, agent, offline);
    }

    /** A copy that refuses every network fetch ({@code --no-network}) or allows them again. */
    public FetchSettings withOffline(boolean v) {
        return new FetchSettings(connectTimeout, stallTimeout, maxAttempts, initialBackoff, maxBackoff, maxRedirects,
                proxy, sleeper, userAgent, v);
    }

    /** The wait before attempt {@code next} (2 for the first retry): initial × 2^(next−2), capped. */
    Duration backoffBefore(int next) {
        int doublings = Math.min(next - 2, 30);
        Duration d = initialBackoff.multipliedBy(1L << doublings);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
