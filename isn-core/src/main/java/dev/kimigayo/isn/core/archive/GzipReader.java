package dev.kimigayo.isn.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates exactly one gzip member and refuses anything after it, unlike
 * {@link java.util.zip.GZIPInputStream}, which silently reads concatenated members and ignores
 * trailing garbage. Checks the CRC-32 and length of the trailer.
 */
final class GzipReader extends InputStream {

    private final InputStream raw;
    private final String source;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] input = new byte[64 * 1024];
    private long length;
    private int inputEnd;
    private boolean headerRead;
    private boolean done;

    /** Reads the gzip member from {@code raw}; {@code source} names it in errors. */
    GzipReader(InputStream raw, String source) {
        this.raw = raw;
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (!headerRead) {
            readHeader();
            headerRead = true;
        }
        if (done || len == 0) {
            return done ? -1 : 0;
        }
        try {
            while (true) {
                int n = inflater.inflate(b, off, len);
                if (n > 0) {
                    crc.update(b, off, n);
                    length += n;
                    return n;
                }
                if (inflater.finished()) {
                    readTrailer();
                    done = true;
                    return -1;
                }
                if (inflater.needsDictionary()) {
                    throw malformed("deflate stream asks for a preset dictionary");
                }
                if (inflater.needsInput()) {
                    int r = raw.read(input);
                    if (r < 0) {
                        throw truncated("the compressed stream ends early");
                    }
                    inflater.setInput(input, 0, r);
                    inputEnd = r;
                }
            }
        } catch (DataFormatException e) {
            throw malformed("corrupt compressed data (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        raw.close();
    }

    /**
     * Requires the exact fixed header isn writes: packages are canonical, so a changed flag,
     * timestamp or OS byte is a changed file, not an equivalent one.
     */
    private void readHeader() throws IOException {
        int first = raw.read();
        if (first < 0) {
            throw truncated("the file is empty");
        }
        byte[] header = new byte[GzipWriter.HEADER.length];
        header[0] = (byte) first;
        if (raw.readNBytes(header, 1, header.length - 1) < header.length - 1) {
            throw truncated("the gzip header is cut short");
        }
        if (header[0] != 0x1f || header[1] != (byte) 0x8b) {
            throw malformed("not a gzip file (bad magic number)");
        }
        if (!java.util.Arrays.equals(header, GzipWriter.HEADER)) {
            throw malformed("gzip header " + java.util.HexFormat.of().formatHex(header)
                    + " differs from the fixed header of isn packages (" + java.util.HexFormat.of().formatHex(GzipWriter.HEADER) + ")");
        }
    }

    private void readTrailer() throws IOException {
        byte[] trailer = new byte[8];
        int have = Math.min(8, inflater.getRemaining());
        int start = inputEnd - inflater.getRemaining();
        System.arraycopy(input, start, trailer, 0, have);
        int extra = inflater.getRemaining() - have;
        for (int i = have; i < 8; i++) {
            int c = raw.read();
            if (c < 0) {
                throw truncated("the gzip trailer is missing");
            }
            trailer[i] = (byte) c;
        }
        long storedCrc = le32(trailer, 0);
        long storedLength = le32(trailer, 4);
        if (storedCrc != crc.getValue() || storedLength != (length & 0xffffffffL)) {
            throw malformed("gzip CRC-32 or length mismatch: the file is corrupt");
        }
        if (extra > 0 || raw.read() != -1) {
            throw new RejectedIOException(new TrailingDataException(source, null,
                    "data follows the end of the gzip stream; the file was tampered with or badly concatenated"));
        }
    }

    private static long le32(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }

    private RejectedIOException malformed(String detail) {
        return new RejectedIOException(new MalformedPackageException(source, null, detail));
    }

    private RejectedIOException truncated(String detail) {
        return new RejectedIOException(new TruncatedPackageException(source, null, detail));
    }
}
