package dev.kimigayo.isn.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict streaming reader of the tar subset isn writes: POSIX ustar headers with verified
 * checksums, octal numbers, pax headers holding only {@code path}, {@code linkpath} and
 * {@code size}, and an end marker followed by nothing but zero padding.
 */
final class TarReader {

    private static final byte[] ZERO_BLOCK = new byte[TarFormat.BLOCK];

    private final InputStream in;
    private final String source;
    private final byte[] block = new byte[TarFormat.BLOCK];
    private final byte[] skipBuffer = new byte[64 * 1024];
    private long position;
    private long remaining;
    private long padding;

    TarReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The next entry, or null at the end-of-archive marker; skips what is left of the current content. */
    TarEntry next() throws IOException {
        skipContent();
        long offset = position;
        if (!readBlock()) {
            throw truncated("the archive ends without an end-of-archive marker");
        }
        if (isZero(block)) {
            if (!readBlock()) {
                throw truncated("the end-of-archive marker is cut short");
            }
            if (!isZero(block)) {
                throw trailing("a header follows a zero block at offset " + offset);
            }
            return null;
        }
        TarHeaderParser header = new TarHeaderParser(block, offset, source);
        if (header.type() == TarFormat.PAX) {
            PaxRecords pax = readPax(header, offset);
            offset = position;
            if (!readBlock()) {
                throw truncated("the archive ends after a pax header");
            }
            if (isZero(block)) {
                throw malformed("a pax header at offset " + offset + " is followed by no entry");
            }
            header = new TarHeaderParser(block, offset, source);
            if (header.type() == TarFormat.PAX) {
                throw malformed("two pax headers in a row at offset " + offset);
            }
            return start(header.entry(pax));
        }
        return start(header.entry(PaxRecords.NONE));
    }

    /** The content of the current entry; reading stops at its end. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw truncated("entry content is cut short");
                }
                remaining -= n;
                position += n;
                return n;
            }
        };
    }

    /** Reads the whole content of the current entry, which the caller has bounded. */
    byte[] readContent() throws IOException {
        return content().readAllBytes();
    }

    /**
     * After the end marker: accepts only zero bytes up to the end of the stream. How many is
     * bounded by the caller's {@link CappedInputStream}, so a stream of zeros is a refused bomb.
     */
    void finish() throws IOException {
        long zeros = 0;
        for (int n; (n = in.read(skipBuffer)) != -1; ) {
            for (int i = 0; i < n; i++) {
                if (skipBuffer[i] != 0) {
                    throw trailing("non-zero data after the end-of-archive marker at offset " + (position + zeros + i));
                }
            }
            zeros += n;
        }
    }

    private TarEntry start(TarEntry entry) {
        remaining = entry.size();
        padding = TarFormat.padded(entry.size()) - entry.size();
        return entry;
    }

    private void skipContent() throws IOException {
        long left = remaining + padding;
        while (left > 0) {
            int n = in.read(skipBuffer, 0, (int) Math.min(skipBuffer.length, left));
            if (n < 0) {
                throw truncated("entry content is cut short");
            }
            left -= n;
            position += n;
        }
        remaining = 0;
        padding = 0;
    }

    private PaxRecords readPax(TarHeaderParser header, long offset) throws IOException {
        long size = header.size();
        if (size > PackageLayout.MAX_PAX_HEADER) {
            throw malformed("oversize pax header (" + size + " bytes) at offset " + offset);
        }
        start(new TarEntry(offset, "", TarFormat.PAX, 0, 0, 0, size, null));
        byte[] data = readContent();
        skipContent();
        return PaxRecords.parse(data, offset, source);
    }

    private boolean readBlock() throws IOException {
        int got = in.readNBytes(block, 0, TarFormat.BLOCK);
        if (got == 0) {
            return false;
        }
        if (got < TarFormat.BLOCK) {
            throw truncated("a tar header at offset " + position + " is cut short");
        }
        position += TarFormat.BLOCK;
        return true;
    }

    private static boolean isZero(byte[] b) {
        return Arrays.equals(b, ZERO_BLOCK);
    }

    /** Decodes UTF-8 strictly; names in a package must be valid UTF-8. */
    static String utf8(byte[] bytes, int off, int len, long offset, String source) throws RejectedIOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, off, len)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedIOException(new MalformedPackageException(source, null,
                    "a name in the tar header at offset " + offset + " is not valid UTF-8"));
        }
    }

    private RejectedIOException malformed(String detail) {
        return new RejectedIOException(new MalformedPackageException(source, null, detail));
    }

    private RejectedIOException truncated(String detail) {
        return new RejectedIOException(new TruncatedPackageException(source, null, detail));
    }

    private RejectedIOException trailing(String detail) {
        return new RejectedIOException(new TrailingDataException(source, null, detail));
    }
}
