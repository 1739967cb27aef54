package dev.kimigayo.isn.core.fetch;

import java.net.URI;
import java.nio.file.Path;

/**
 * The outcome of one successful fetch: whether the destination was (re)written or the held copy
 * is still current, how many bytes and which SHA-256 were written (0 and null when not
 * modified), the validators to send next time, and how many attempts it took.
 */
public record FetchResult(URI url, Path destination, Status status, long bytes, String sha256,
        Validators validators, int attempts) {

    /** Whether the destination file changed. */
    public enum Status {
        /** A complete, verified file was renamed onto the destination. */
        FETCHED,
        /** The server confirmed the held copy is current; the destination was not touched. */
        NOT_MODIFIED
    }
}
