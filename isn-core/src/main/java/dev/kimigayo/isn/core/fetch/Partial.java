package dev.kimigayo.isn.core.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of one file that arrived before a connection dropped, kept for the next attempt of
 * the same fetch to ask only for the rest ({@code Range} with {@code If-Range}: the server sends
 * the rest only if the file is still the one those bytes came from, else the whole file). Lives
 * for one {@link Fetcher#fetch} call; whatever is left is deleted when it ends.
 */
final class Partial implements AutoCloseable {

    private Path file;
    private long bytes;
    private String validator;

    /** Whether bytes are held for resuming. */
    boolean present() {
        return file != null;
    }

    /** How many bytes are held. */
    long bytes() {
        return bytes;
    }

    /** The strong ETag or Last-Modified date of the copy the bytes came from (for {@code If-Range}). */
    String validator() {
        return validator;
    }

    /** Keeps {@code bytes} bytes of {@code temp}, from a response identified by {@code validator}. */
    void hold(Path temp, long count, String responseValidator) throws IOException {
        if (file != null && !file.equals(temp)) {
            Files.deleteIfExists(file);
        }
        file = temp;
        bytes = count;
        validator = responseValidator;
    }

    /** Hands the file over to a sink that appends to it; this no longer owns it. */
    Path take() {
        Path f = file;
        file = null;
        bytes = 0;
        validator = null;
        return f;
    }

    /** Deletes the held bytes (the server sent the whole file, or the fetch is over). */
    void discard() throws IOException {
        Path f = take();
        if (f != null) {
            Files.deleteIfExists(f);
        }
    }

    @Override
    public void close() throws IOException {
        discard();
    }

    /** The validator {@code If-Range} may carry: a strong ETag, else a Last-Modified date, else null. */
    static String validatorOf(String etag, String lastModified) {
        if (etag != null && !etag.startsWith("W/")) {
            return etag;
        }
        return lastModified;
    }
}
