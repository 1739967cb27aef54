package dev.kimigayo.isn.core.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;


/**
 * The root's secret that authenticates derived index caches ({@link IndexCache}). The caches live
 * in {@code var/cache/isn}, which may be a volume shared between builds (Docker cache mounts); a
 * cache someone else wrote must not pass for a verified index, so each cache carries an HMAC under
 * this key, kept beside the database in {@code var/lib/isn} (owner-only) and never in the cache.
 */
public final class IndexCacheSecret {

    /** The key file, relative to the root. */
    public static final String FILE = "var/lib/isn/index-cache.key";
    private static final int SIZE = 32;

    private final byte[] key;

    private IndexCacheSecret(byte[] key) {
        this.key = key;
    }

    /**
     * A key for this process only, never stored: it authenticates a compact form derived for one
     * command that keeps none ({@link CachedIndexReader}), whose file no later run may trust.
     */
    static IndexCacheSecret ephemeral() {
        byte[] key = new byte[SIZE];
        new SecureRandom().nextBytes(key);
        return new IndexCacheSecret(key);
    }

    /** The key in {@code file}, or empty when there is none yet (or it is unusable: then no cache is trusted). */
    public static Optional<IndexCacheSecret> read(Path file) {
        try {
            byte[] key = Files.readAllBytes(file);
            return key.length == SIZE ? Optional.of(new IndexCacheSecret(key)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The key in {@code file}, made (32 random bytes, owner-only) when there is none. */
    public static IndexCacheSecret readOrCreate(Path file) throws IOException {
        Optional<IndexCacheSecret> known = read(file);
        if (known.isPresent()) {
            return known.get();
        }
        byte[] key = new byte[SIZE];
        new SecureRandom().nextBytes(key);
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(tmp, key, StandardOpenOption.WRITE);
            // Only writers (holding the root's lock) make the key, so no other process races this rename.
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new IndexCacheSecret(key);
    }

    /** A fresh HMAC-SHA256 under this key. */
    HmacSha256 mac() {
        return new HmacSha256(key);
    }
}
