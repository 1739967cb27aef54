package dev.kimigayo.isn.core.archive;

import java.io.InputStream;

import dev.kimigayo.isn.crypto.CountingInputStream;

/**
 * Counts decompressed bytes and refuses to deliver more than the current limit, which the reader
 * raises once the signed manifest says how large the package may be: the gzip-bomb defence.
 */
final class CappedInputStream extends CountingInputStream {

    private final String source;
    private long limit;
    private String limitReason;

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

    @Override
    protected int request(int len) {
        // Ask for one byte past the limit so an overrun is seen rather than silently truncated.
        return (int) Math.min(len, Math.max(limit - count() + 1, 1));
    }

    @Override
    protected void received(byte[] b, int off, int n) throws RejectedIOException {
        if (count() + n > limit) {
            throw new RejectedIOException(new PackageTooLargeException(source, limit, limitReason));
        }
    }
}
