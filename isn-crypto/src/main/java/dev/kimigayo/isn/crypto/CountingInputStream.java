package dev.kimigayo.isn.crypto;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a stream through, counting the bytes it delivers and showing every chunk to the subclass
 * first (to hash it, to refuse it past a cap). Skipped bytes are read, so none escape the count;
 * mark/reset is not supported: re-read bytes would be counted twice.
 */
public abstract class CountingInputStream extends FilterInputStream {

    private long count;

    /** Counts what is read from {@code in}. */
    protected CountingInputStream(InputStream in) {
        super(in);
    }

    /** The number of bytes read so far. */
    public long count() {
        return count;
    }

    /** How many of the {@code len} bytes a caller asked for to request from the underlying stream. */
    protected int request(int len) {
        return len;
    }

    /** Sees the {@code n} bytes at {@code b[off]} before they are counted and delivered; throws to refuse them. */
    protected abstract void received(byte[] b, int off, int n) throws IOException;

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, request(len));
        if (n > 0) {
            received(b, off, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be seen too, so read them instead of delegating.
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
        throw new IOException("mark/reset not supported by " + getClass().getSimpleName());
    }
}
