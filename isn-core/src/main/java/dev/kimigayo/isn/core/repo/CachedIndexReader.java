package dev.kimigayo.isn.core.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a verified index through its derived cache ({@link IndexCache}): when the cache is bound
 * to the index and signature files now present and to the same trusted keys, and its HMAC holds,
 * the index comes from the cache, without checking the signature again or parsing any JSON (the
 * packages are decoded on first use); otherwise the index is verified and parsed as
 * {@link IndexReader} always does, and the cache re-derived from it. Expiry and rollback are
 * checked on every read, whichever way the index came.
 */
public final class CachedIndexReader {

    /**
     * Above this size an index read without a cache of the root's own is still read through a
     * compact form (see {@link #derivePrivately}): 4 MB of JSON is ~7,000 packages, whose parsed
     * objects take ~20 MB of the heap; below, parsing in memory is quicker than writing a file.
     */
    static final long PRIVATE_COPY_ABOVE = 4L * 1024 * 1024;

    private final IndexReader reader;
    private final Path keysDir;
    private final Path secretFile;
    private final long privateCopyAbove;
    private String trust;

    /** A reader verifying with {@code reader}, whose keys are those of {@code keysDir}; the HMAC key is {@code secretFile}. */
    public CachedIndexReader(IndexReader reader, Path keysDir, Path secretFile) {
        this(reader, keysDir, secretFile, PRIVATE_COPY_ABOVE);
    }

    CachedIndexReader(IndexReader reader, Path keysDir, Path secretFile, long privateCopyAbove) {
        this.reader = reader;
        this.keysDir = keysDir;
        this.secretFile = secretFile;
        this.privateCopyAbove = privateCopyAbove;
    }

    /**
     * The verified index at {@code json} (its signature is {@code signature}), through the cache
     * file {@code cache} (null: none); {@code write} false never writes it (dry runs, read-only commands).
     */
    public RepoIndex read(String source, Path json, byte[] signature, Path cache, boolean write,
            OptionalLong lastAcceptedSerial) throws IndexException {
        IndexCache.Binding present;
        try {
            present = new IndexCache.Binding(IndexCache.sha256(json), IndexCache.sha256(signature), trust());
        } catch (IOException e) {
            throw new RepositoryIoException("cannot read " + source + ": " + dev.kimigayo.isn.core.IoMessages.describe(e), e);
        }
        Optional<IndexCacheSecret> secret = IndexCacheSecret.read(secretFile);
        // OpenPGP keys can expire or be revoked inside an unchanged keyring: check those every time.
        boolean cacheable = !IndexReader.isOpenPgp(signature);
        if (cache != null && secret.isPresent() && cacheable) {
            Optional<RepoIndex> cached = IndexCache.read(cache, present, secret.get());
            if (cached.isPresent()) {
                return reader.checkFresh(source, cached.get(), lastAcceptedSerial);
            }
        }
        if (cache != null && write && cacheable) {
            Optional<RepoIndex> derived;
            try {
                derived = derive(source, json, signature, cache, present,
                        secret.isPresent() ? secret.get() : IndexCacheSecret.readOrCreate(secretFile), lastAcceptedSerial);
            } catch (IOException e) {
                derived = Optional.empty();
            }
            if (derived.isPresent()) {
                return derived.get();
            }
        } else if (cacheable && size(json) > privateCopyAbove) {
            Optional<RepoIndex> derived = derivePrivately(source, json, signature, present, lastAcceptedSerial);
            if (derived.isPresent()) {
                return derived.get();
            }
        }
        IndexReader.Verified v = reader.readVerified(source, json, signature, lastAcceptedSerial);
        if (cache != null && write && cacheable) {
            try {
                IndexCache.write(cache, v.index(), new IndexCache.Binding(v.sha256(), present.signatureSha256(),
                        present.trustSha256()), secret.isPresent() ? secret.get() : IndexCacheSecret.readOrCreate(secretFile));
            } catch (IOException e) {
                // Only a speed-up is lost: the next command verifies and parses the index again.
            }
        }
        return v.index();
    }

    /**
     * Verifies the index and parses it streamed straight into a new cache, never holding its
     * packages (a 65,000-package index then fits the launcher's heap), and reads it back from that
     * cache; empty if the cache could not be written (then the index is parsed the plain way).
     * The cache replaces the old one only once the signature held over the very bytes parsed.
     */
    private Optional<RepoIndex> derive(String source, Path json, byte[] signature, Path cache,
            IndexCache.Binding present, IndexCacheSecret key, OptionalLong lastAcceptedSerial)
            throws IndexException {
        try {
            IndexCache.Binding made;
            try (IndexCache.Writer w = new IndexCache.Writer(cache, key)) {
                IndexReader.Verified v = reader.readVerified(source, json, signature, lastAcceptedSerial, e -> {
                    try {
                        return w.add(e);
                    } catch (IOException x) {
                        throw new java.io.UncheckedIOException(x);
                    }
                });
                made = new IndexCache.Binding(v.sha256(), present.signatureSha256(), present.trustSha256());
                w.finish(made, v.index());
            }
            return IndexCache.read(cache, made, key).map(index -> index);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }
    /**
     * For a command that keeps no cache (a dry run, a query) on a root that has none: the same
     * streamed derivation, into a folder of this process's own in the system's temporary folder
     * (owner-only, so no one else can put a name in it), authenticated by a key that is never
     * stored, and deleted when the JVM exits. The root is not touched, and a large index fits the
     * heap as it does after {@code isn update}. Empty if that folder cannot be written.
     */
    private Optional<RepoIndex> derivePrivately(String source, Path json, byte[] signature,
            IndexCache.Binding present, OptionalLong lastAcceptedSerial) throws IndexException {
        Path dir;
        try {
            dir = Files.createTempDirectory("isn-index-");
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        // Deleted in the reverse order of these calls: the file, then its folder.
        dir.toFile().deleteOnExit();
        Path cache = dir.resolve(IndexCache.FILE);
        cache.toFile().deleteOnExit();
        return derive(source, json, signature, cache, present, IndexCacheSecret.ephemeral(), lastAcceptedSerial);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // the plain read below reports what is wrong with it
        }
    }

    private String trust() throws IOException {
        if (trust == null) {
            trust = IndexCache.trustOf(keysDir);
        }
        return trust;
    }
}
