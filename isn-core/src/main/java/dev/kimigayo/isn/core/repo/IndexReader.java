package dev.kimigayo.isn.core.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

import dev.kimigayo.isn.crypto.BadSignatureException;
import dev.kimigayo.isn.crypto.CountingInputStream;
import dev.kimigayo.isn.crypto.CryptoException;
import dev.kimigayo.isn.crypto.HashingInputStream;
import dev.kimigayo.isn.crypto.OpenPgpVerifier;
import dev.kimigayo.isn.crypto.Ed25519Signature;
import dev.kimigayo.isn.crypto.MalformedSignatureException;
import dev.kimigayo.isn.crypto.TrustedKeys;
import dev.kimigayo.isn.crypto.UnknownKeyException;

/**
 * Reads a signed index the way a client must: checks the detached signature against the trusted
 * keys before parsing anything, then parses strictly, then refuses an expired index (freeze) and
 * one older than the last accepted serial (rollback). Used by {@code isn update} and
 * {@code isn verify}.
 */
public final class IndexReader {

    /** The name of the detached signature file beside {@code index.json}. */
    public static final String SIGNATURE_SUFFIX = ".sig";

    private final TrustedKeys keys;
    private final java.util.List<OpenPgpVerifier> openPgp;
    private final Clock clock;

    /** A reader trusting {@code keys} and judging expiry by {@code clock}. */
    public IndexReader(TrustedKeys keys, Clock clock) {
        this(keys, java.util.List.of(), clock);
    }

    /**
     * A reader that also accepts legacy OpenPGP detached signatures ({@code gpg --detach-sign},
     * binary or armored, in {@code index.json.sig}) by a key of one of {@code openPgp}.
     */
    public IndexReader(TrustedKeys keys, java.util.List<OpenPgpVerifier> openPgp, Clock clock) {
        this.keys = keys;
        this.openPgp = java.util.List.copyOf(openPgp);
        this.clock = clock;
    }

    /**
     * Verifies and parses an index. {@code source} names it in messages (a URL or path);
     * {@code lastAcceptedSerial} is the serial of the last index accepted from the same
     * repository, or empty the first time. An index with the same serial is accepted.
     */
    public RepoIndex read(String source, byte[] json, byte[] signature, OptionalLong lastAcceptedSerial)
            throws IndexException {
        checkSignature(source, json, signature);
        return checkFresh(source, IndexJsonParser.parse(json, source), lastAcceptedSerial);
    }

    /** The index the signature check accepted, and the SHA-256 (hex) of the exact bytes it checked. */
    public record Verified(RepoIndex index, String sha256) {
    }

    /**
     * Like {@link #read(String, byte[], byte[], OptionalLong)} for an index file, never holding
     * its bytes: an Ed25519 signature is checked as the file streams, then the file is parsed
     * streamed in a second pass, and refused if what was parsed is not what was verified (the
     * file changed in between). A 32 MB index is never on the heap whole, and never beside its
     * 65,000 parsed packages. (An OpenPGP signature, legacy and for small indexes, is still
     * checked over the bytes in memory.)
     */
    public Verified readVerified(String source, Path indexFile, byte[] signature, OptionalLong lastAcceptedSerial)
            throws IndexException {
        return readVerified(source, indexFile, signature, lastAcceptedSerial, null);
    }

    /**
     * Like {@link #readVerified(String, Path, byte[], OptionalLong)}, but hands each package to
     * {@code sink} as it is parsed (every check still applies) and keeps none: the index returned
     * has the top-level fields only. The sink must not act on what it took until this returns:
     * the file may turn out to have changed since its signature was checked.
     */
    Verified readVerified(String source, Path indexFile, byte[] signature, OptionalLong lastAcceptedSerial,
            IndexJsonParser.Sink sink) throws IndexException {
        String verified = isOpenPgp(signature)
                ? checkOpenPgp(source, indexFile, signature)
                : checkEd25519(source, indexFile, signature);
        java.security.MessageDigest md = sha256();
        RepoIndex index;
        try (InputStream in = new java.security.DigestInputStream(Files.newInputStream(indexFile), md)) {
            index = IndexJsonParser.parse(in, source, sink);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new RepositoryIoException("cannot read " + source + ": " + dev.kimigayo.isn.core.IoMessages.describe(e), e);
        }
        if (!verified.equals(java.util.HexFormat.of().formatHex(md.digest()))) {
            throw new RepositoryIoException("the index " + source + " changed while it was read; try again", null);
        }
        return new Verified(checkFresh(source, index, lastAcceptedSerial), verified);
    }

    /**
     * Refuses an expired index (freeze) and one older than the last accepted serial (rollback);
     * used on every read, including one from a verified index's cache ({@link IndexCache}).
     */
    public RepoIndex checkFresh(String source, RepoIndex index, OptionalLong lastAcceptedSerial) throws IndexException {
        Instant now = clock.instant();
        if (!now.isBefore(index.expires())) {
            throw new IndexExpiredException(source, index.expires(), now);
        }
        if (lastAcceptedSerial.isPresent() && index.serial() < lastAcceptedSerial.getAsLong()) {
            throw new IndexRollbackException(source, index.serial(), lastAcceptedSerial.getAsLong());
        }
        return index;
    }

    /** Reads {@code indexFile} and the {@code .sig} file beside it; see {@link #read(String, byte[], byte[], OptionalLong)}. */
    public RepoIndex read(Path indexFile, OptionalLong lastAcceptedSerial) throws IndexException {
        String source = indexFile.toString();
        Path sigFile = signatureOf(indexFile);
        byte[] json = readCapped(indexFile, IndexJsonParser.MAX_SIZE, source);
        byte[] sig;
        try {
            sig = readCapped(sigFile, 64 * 1024, sigFile.toString());
        } catch (RepositoryIoException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                throw new IndexSignatureException(IndexSignatureException.Reason.MISSING, source,
                        "no signature file " + sigFile.getFileName() + " beside the index", e);
            }
            throw e;
        }
        return read(source, json, sig, lastAcceptedSerial);
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The detached signature file of {@code indexFile}: the same name plus {@code .sig}. */
    public static Path signatureOf(Path indexFile) {
        return indexFile.resolveSibling(indexFile.getFileName() + SIGNATURE_SUFFIX);
    }

    private void checkSignature(String source, byte[] json, byte[] signature) throws IndexSignatureException {
        if (isOpenPgp(signature)) {
            checkOpenPgp(source, json, signature);
            return;
        }
        Ed25519Signature sig = decodeEd25519(source, signature);
        try {
            keys.verify(json, sig);
        } catch (UnknownKeyException e) {
            throw unknownKey(source, e);
        } catch (BadSignatureException e) {
            throw badSignature(source, e);
        }
    }

    /**
     * Checks an Ed25519 signature over the index file as it streams (pure Ed25519 hashes the
     * message once, after the signature's R and the key, so isn-crypto needs no copy of it) and
     * returns the SHA-256 (hex) of the bytes checked. A file over the size limit is refused
     * before a byte is read, as {@link #readCapped} refuses it.
     */
    private String checkEd25519(String source, Path indexFile, byte[] signature) throws IndexException {
        try (InputStream file = Files.newInputStream(indexFile)) {
            long size = Files.size(indexFile);
            refuseTooLarge(size, IndexJsonParser.MAX_SIZE, source);
            Ed25519Signature sig = decodeEd25519(source, signature);
            HashingInputStream in = new HashingInputStream(new SizedInputStream(file, size));
            try {
                keys.verify(in, sig);
            } catch (UnknownKeyException e) {
                throw unknownKey(source, e);
            } catch (BadSignatureException e) {
                throw badSignature(source, e);
            }
            if (in.count() != size) {
                throw new IOException("the file changed while it was read");
            }
            return in.hexDigest();
        } catch (IOException e) {
            throw new RepositoryIoException("cannot read " + source + ": " + dev.kimigayo.isn.core.IoMessages.describe(e), e);
        }
    }

    private static Ed25519Signature decodeEd25519(String source, byte[] signature) throws IndexSignatureException {
        try {
            return Ed25519Signature.decode(signature, source + SIGNATURE_SUFFIX);
        } catch (MalformedSignatureException e) {
            throw new IndexSignatureException(IndexSignatureException.Reason.MALFORMED, source,
                    "unreadable index signature (" + e.problem() + ")", e);
        }
    }

    private IndexSignatureException unknownKey(String source, UnknownKeyException e) {
        return new IndexSignatureException(IndexSignatureException.Reason.UNKNOWN_KEY, source,
                "index signed by unknown key " + e.keyId().hex() + (keys.isEmpty()
                        ? "; the trusted keys folder " + keys.where() + " holds no keys"
                        : "; no key in the trusted keys folder " + keys.where() + " has that id"), e);
    }

    private static IndexSignatureException badSignature(String source, BadSignatureException e) {
        return new IndexSignatureException(IndexSignatureException.Reason.BAD_SIGNATURE, source,
                "bad index signature by key " + e.keyId().hex(), e);
    }

    /** Checks an OpenPGP signature over the index file read whole, and returns the SHA-256 (hex) of the bytes checked. */
    private String checkOpenPgp(String source, Path indexFile, byte[] signature) throws IndexException {
        byte[] json = readCapped(indexFile, IndexJsonParser.MAX_SIZE, source);
        checkOpenPgp(source, json, signature);
        return IndexCache.sha256(json);
    }

    /** An OpenPGP signature: armored, or a binary packet (the first byte has its high bit set; isn's are text). */
    static boolean isOpenPgp(byte[] signature) {
        return signature.length > 0 && ((signature[0] & 0x80) != 0
                || new String(signature, 0, Math.min(signature.length, 40), java.nio.charset.StandardCharsets.US_ASCII)
                        .startsWith("-----BEGIN PGP SIGNATURE-----"));
    }

    /** Accepts the signature if a key of one OpenPGP keyring made it with a strong digest and it matches. */
    private void checkOpenPgp(String source, byte[] json, byte[] signature) throws IndexSignatureException {
        CryptoException refusal = null;
        for (OpenPgpVerifier v : openPgp) {
            try {
                v.verify(new java.io.ByteArrayInputStream(json), signature, source + SIGNATURE_SUFFIX);
                return;
            } catch (CryptoException e) {
                // Report the most telling refusal: a bad or weak signature over "not my key".
                if (refusal == null || refusal instanceof UnknownKeyException && !(e instanceof UnknownKeyException)) {
                    refusal = e;
                }
            } catch (IOException e) {
                throw new IndexSignatureException(IndexSignatureException.Reason.MALFORMED, source,
                        "unreadable OpenPGP index signature (" + e.getMessage() + ")", e);
            }
        }
        if (refusal == null || refusal instanceof UnknownKeyException) {
            throw new IndexSignatureException(IndexSignatureException.Reason.UNKNOWN_KEY, source,
                    "index has an OpenPGP signature by a key that is not trusted"
                    + (refusal == null ? " (no OpenPGP keys, *.asc or *.gpg, in the keys folder)"
                            : " (key " + ((UnknownKeyException) refusal).keyId().hex() + ")"), refusal);
        }
        if (refusal instanceof MalformedSignatureException) {
            throw new IndexSignatureException(IndexSignatureException.Reason.MALFORMED, source,
                    "unreadable OpenPGP index signature (" + refusal.getMessage() + ")", refusal);
        }
        throw new IndexSignatureException(IndexSignatureException.Reason.BAD_SIGNATURE, source,
                "OpenPGP index signature refused: " + refusal.getMessage(), refusal);
    }

    /** Reads a whole file, refusing one larger than {@code max} bytes without reading it all. */
    static byte[] readCapped(Path file, int max, String source) throws IndexException {
        try (InputStream in = Files.newInputStream(file)) {
            // Into an array of the file's size: reading to the end in chunks would hold the data twice.
            long size = Files.size(file);
            refuseTooLarge(size, max, source);
            byte[] data = new byte[(int) size];
            // 64 KB per read: a file channel reads into a heap array through a temporary direct
            // buffer of the read's size, which the JDK then keeps (32 MB of RSS for the 65k index).
            int n = 0;
            for (int r; n < data.length && (r = in.read(data, n, Math.min(data.length - n, 1 << 16))) > 0; ) {
                n += r;
            }
            if (n < data.length || in.read() != -1) {
                throw new IOException("the file changed while it was read");
            }
            return data;
        } catch (IOException e) {
            throw new RepositoryIoException("cannot read " + source + ": " + dev.kimigayo.isn.core.IoMessages.describe(e), e);
        }
    }

    private static void refuseTooLarge(long size, long max, String source) throws MalformedIndexException {
        if (size > max) {
            throw new MalformedIndexException("index-too-large", source,
                    "file is larger than the limit of " + max + " bytes");
        }
    }

    /**
     * Delivers at most {@code size} bytes, the file's size when it was opened: more means the file
     * is growing under the reader, refused as {@link #readCapped} refuses it, rather than read on
     * past the size limit.
     */
    private static final class SizedInputStream extends CountingInputStream {

        private final long size;

        SizedInputStream(InputStream in, long size) {
            super(in);
            this.size = size;
        }

        @Override
        protected int request(int len) {
            // One byte past the size, so that growth is seen rather than cut off.
            return (int) Math.min(len, Math.max(size - count() + 1, 1));
        }

        @Override
        protected void received(byte[] b, int off, int n) throws IOException {
            if (count() + n > size) {
                throw new IOException("the file changed while it was read");
            }
        }
    }
}
