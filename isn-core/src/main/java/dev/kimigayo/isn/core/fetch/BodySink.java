package dev.kimigayo.isn.core.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a download's bytes go: a temporary file next to the destination, hashed and counted as
 * it is written, capped at the request's limit, renamed onto the destination only by
 * {@link #commit} after the checks pass; closing without committing deletes it.
 */
final class BodySink implements AutoCloseable {

    /** Suffix of in-progress downloads; anything ending so is a leftover and may be deleted. */
    static final String PART_SUFFIX = dev.kimigayo.isn.core.root.ReservedPaths.PART_SUFFIX;

    private final FetchRequest request;
    private final URI source;
    private final Path temp;
    private final OutputStream out;
    private final MessageDigest digest;
    private long bytes;
    private boolean committed;
    private boolean kept;

    BodySink(FetchRequest request, URI source) throws IOException {
        this.request = request;
        this.source = source;
        Path dest = request.destination().toAbsolutePath();
        Files.createDirectories(dest.getParent());
        // Same directory as the destination, so the final rename is atomic (one filesystem).
        this.temp = createTemp(dest);
        this.out = Files.newOutputStream(temp);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * A sink appending to {@code partial}, which holds the first {@code offset} bytes of the same
     * file from an earlier attempt; they are hashed again so the final check covers every byte.
     */
    BodySink(FetchRequest request, URI source, Path partial, long offset) throws IOException {
        this.request = request;
        this.source = source;
        this.temp = partial;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (var in = Files.newInputStream(partial)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0 && bytes < offset; ) {
                int use = (int) Math.min(n, offset - bytes);
                digest.update(buf, 0, use);
                bytes += use;
            }
        }
        if (bytes != offset) {
            Files.deleteIfExists(partial);
            throw new IOException("the partial download " + partial + " is shorter than expected");
        }
        this.out = Files.newOutputStream(partial, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    // createTempFile alone makes the file 0600; a downloaded index or package is no secret, and
    // read-only commands run by other users must be able to read the cache (0644 before umask).
    private static Path createTemp(Path dest) throws IOException {
        String prefix = "." + dest.getFileName() + ".";
        if (dest.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dest.getParent(), prefix, PART_SUFFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        }
        return Files.createTempFile(dest.getParent(), prefix, PART_SUFFIX);
    }

    /** Appends bytes, refusing any beyond the cap (the endless-data defence). */
    void write(byte[] buf, int len) throws IOException, SizeLimitExceededException {
        if (bytes + len > request.maxBytes()) {
            throw new SizeLimitExceededException(source, request.maxBytes(), -1);
        }
        out.write(buf, 0, len);
        digest.update(buf, 0, len);
        bytes += len;
    }

    /** Bytes written so far. */
    long bytes() {
        return bytes;
    }

    /** The temporary file the bytes go to. */
    Path temp() {
        return temp;
    }

    /** Keeps the temporary file on close (it is held for a resumed attempt). */
    void keep() {
        kept = true;
    }

    /** Checks the hash, then renames the file onto the destination; returns the SHA-256 in hex. */
    String commit() throws IOException, DigestMismatchException {
        out.close();
        String actual = HexFormat.of().formatHex(digest.digest());
        String expected = request.expectedSha256();
        if (expected != null && !expected.equals(actual)) {
            throw new DigestMismatchException(source, expected, actual);
        }
        Files.move(temp, request.destination(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
        return actual;
    }

    /** Deletes the temporary file unless it was committed or kept. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                out.close();
            } finally {
                if (!kept) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }
}
