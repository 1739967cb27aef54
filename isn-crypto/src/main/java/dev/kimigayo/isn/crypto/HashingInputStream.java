package dev.kimigayo.isn.crypto;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes a stream through while counting its bytes and hashing them with SHA-256, so a reader
 * can check size and hash of data it consumes once. Mark/reset is not supported: re-read bytes
 * would be hashed twice.
 */
public final class HashingInputStream extends FilterInputStream {

    private final MessageDigest digest = Sha256.newDigest();
    private long count;
    private String hexDigest;

    /** Hashes everything read from {@code in}. */
    public HashingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b != -1) {
            checkOpen();
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            update(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be hashed too, so read them instead of delegating.
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long done = 0;
        while (done < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // Not supported: see the class comment.
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported by HashingInputStream");
    }

    /** The number of bytes read so far. */
    public long count() {
        return count;
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

    private void checkOpen() {
        if (hexDigest != null) {
            throw new IllegalStateException("read after hexDigest() was taken");
        }
    }

    private void update(byte[] b, int off, int n) {
        checkOpen();
        digest.update(b, off, n);
        count += n;
    }
}
