package dev.kimigayo.isn.core.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts decompressed bytes and refuses to deliver more than the current limit, which the reader
 * raises once the signed manifest says how large the package may be: the gzip-bomb defence.
 */
final class CappedInputStream extends FilterInputStream {

    private final String source;
    private long limit;
    private String limitReason;
    private long count;

    CappedInputStream(InputStream in, String source, long limit, String limitReason) {
        super(in);
        this.source = source;
        this.limit = limit;
        this.limitReason = limitReason;
    }

    /** Sets a new limit on the total bytes delivered, counted from the start of the stream. */
    void limit(long newLimit, String reason) {
        this.limit = newLimit;
        this.limitReason = reason;
    }

    /** Bytes delivered so far. */
    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        long allowed = limit - count;
        // Ask for one byte past the limit so an overrun is seen rather than silently truncated.
        int n = in.read(b, off, (int) Math.min(len, Math.max(allowed + 1, 1)));
        if (n > 0) {
            count += n;
            if (count > limit) {
                throw new RejectedIOException(new PackageTooLargeException(source, limit, limitReason));
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
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
}
