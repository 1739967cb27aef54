package dev.kimigayo.isn.crypto;

import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes a stream through while counting its bytes and hashing them with SHA-256, so a reader
 * can check size and hash of data it consumes once. Mark/reset is not supported: re-read bytes
 * would be hashed twice.
 */
public final class HashingInputStream extends CountingInputStream {

    private final MessageDigest digest = Sha256.newDigest();
    private String hexDigest;

    /** Hashes everything read from {@code in}. */
    public HashingInputStream(InputStream in) {
        super(in);
    }

    /**
     * The SHA-256 of the bytes read so far, in lower-case hex. Finishes the hash: reading more
     * afterwards is an error.
     */
    public String hexDigest() {
        if (hexDigest == null) {
            hexDigest = Sha256.hex(digest.digest());
        }
        return hexDigest;
    }

    @Override
    protected void received(byte[] b, int off, int n) {
        if (hexDigest != null) {
            throw new IllegalStateException("read after hexDigest() was taken");
        }
        digest.update(b, off, n);
    }
}
