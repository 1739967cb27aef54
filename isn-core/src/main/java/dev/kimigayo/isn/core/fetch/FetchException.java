package dev.kimigayo.isn.core.fetch;

import java.net.URI;

import dev.kimigayo.isn.core.IsnException;

/**
 * A file could not be downloaded: names the URL, why (a {@link Reason}), the HTTP status when
 * there was one, and how many attempts were made; the message says what to do about it.
 */
public final class FetchException extends IsnException {

    /** Why a fetch failed; decides whether another attempt may help. */
    public enum Reason {
        /** The TCP connection could not be opened (refused, unreachable, DNS, connect timeout). */
        CONNECT(true),
        /** No byte arrived within the stall timeout. */
        STALLED(true),
        /** The connection ended before the announced length. */
        TRUNCATED(true),
        /** The TLS handshake failed (untrusted certificate, wrong host name, not TLS at all). */
        TLS(false),
        /** The server answered an error status (5xx retried, 4xx not). */
        HTTP_STATUS(false),
        /** A redirect broke the redirect policy (other host, https → http, too many). */
        REDIRECT_REFUSED(false),
        /** The source does not exist (a missing {@code file://} path; HTTP uses HTTP_STATUS 404). */
        NOT_FOUND(false),
        /** Reading the source failed in some other way (a reset connection, a read error). */
        IO(true),
        /** Writing the destination failed (disk full, no permission): retrying will not help. */
        WRITE(false),
        /** The caller cancelled, or another fetch of the same batch failed. */
        CANCELLED(false),
        /** The network is off ({@code --no-network}) and the file is not on the local filesystem. */
        OFFLINE(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final URI url;
    private final Reason reason;
    private final int httpStatus;
    private final int attempts;

    /** A failure of {@code url} for {@code reason}; {@code httpStatus} is -1 when no status was received. */
    public FetchException(URI url, Reason reason, int httpStatus, int attempts, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
        this.reason = reason;
        this.httpStatus = httpStatus;
        this.attempts = attempts;
    }

    /** The URL that failed (the redirect target when a redirect was followed). */
    public URI url() {
        return url;
    }

    /** Why it failed. */
    public Reason reason() {
        return reason;
    }

    /** The HTTP status received, or -1. */
    public int httpStatus() {
        return httpStatus;
    }

    /** How many attempts were made before giving up. */
    public int attempts() {
        return attempts;
    }

    /** Whether another attempt may succeed: connection trouble, stalls, truncation and 5xx answers. */
    public boolean retryable() {
        return reason == Reason.HTTP_STATUS ? httpStatus >= 500 : reason.retryable;
    }

    /**
     * The most rounds of attempts this failure is worth, out of {@code maxAttempts}. A refused or
     * unreachable connection fails in milliseconds and rarely heals within seconds: it gets one
     * retry, so a dead repository costs about the first backoff (1 s), not the whole schedule. A
     * connect timeout has already waited the full {@code --timeout}: it is not retried. Stalls,
     * truncation, read errors and 5xx keep the whole schedule.
     */
    int roundsWorthTrying(int maxAttempts) {
        if (reason != Reason.CONNECT) {
            return maxAttempts;
        }
        return getCause() instanceof java.net.http.HttpConnectTimeoutException ? 1 : Math.min(2, maxAttempts);
    }

    /** Whether another mirror of the same file may deliver it: anything but our own side failing or a refused redirect. */
    boolean mirrorMayHelp() {
        return reason != Reason.WRITE && reason != Reason.CANCELLED && reason != Reason.OFFLINE;
    }

    /** The same failure with another message (the failures of every mirror, one after another). */
    FetchException withMessage(String message) {
        return new FetchException(url, reason, httpStatus, attempts, message, getCause());
    }

    /** The same failure, its message extended with the number of attempts made. */
    FetchException afterAttempts(int n) {
        String msg = n > 1 ? getMessage() + " (gave up after " + n + " attempts)" : getMessage();
        return new FetchException(url, reason, httpStatus, n, msg, getCause());
    }

    @Override
    public String code() {
        return "fetch-" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public Kind kind() {
        return Kind.FETCH;
    }
}
