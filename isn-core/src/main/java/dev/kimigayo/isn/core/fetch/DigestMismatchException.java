package dev.kimigayo.isn.core.fetch;

import java.net.URI;

import dev.kimigayo.isn.core.IsnException;

/** A downloaded file's SHA-256 differs from the one the signed index promises; nothing was kept. */
public final class DigestMismatchException extends IsnException {

    private final URI url;
    private final String expected;
    private final String actual;

    /** Reports that {@code url} hashed to {@code actual} instead of {@code expected} (hex). */
    public DigestMismatchException(URI url, String expected, String actual) {
        super("SHA-256 mismatch for " + url + ": expected " + expected + ", got " + actual
                + "; the file was discarded. The mirror may be corrupt or tampered with, or the index is stale:"
                + " run 'isn update' and try again, or use another mirror");
        this.url = url;
        this.expected = expected;
        this.actual = actual;
    }

    /** The URL whose content did not match. */
    public URI url() {
        return url;
    }

    /** The SHA-256 (hex) the signed metadata promised. */
    public String expected() {
        return expected;
    }

    /** The SHA-256 (hex) of the bytes received. */
    public String actual() {
        return actual;
    }

    @Override
    public String code() {
        return "hash-mismatch";
    }

    @Override
    public Kind kind() {
        return Kind.INTEGRITY;
    }
}
