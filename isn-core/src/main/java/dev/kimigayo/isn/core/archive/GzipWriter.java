package dev.kimigayo.isn.core.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A single gzip member with a fixed header (no name, mtime 0, XFL 0, OS 3 = Unix), so equal
 * input gives equal bytes whatever the clock or the JDK's own gzip defaults.
 */
final class GzipWriter extends DeflaterOutputStream {

    /** The compression level of every package. */
    static final int LEVEL = 6;
    /** The fixed 10-byte member header. */
    static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};

    private final CRC32 crc = new CRC32();
    private long length;

    /** Compresses into {@code out} with {@code deflater}, which must be a raw (nowrap) deflater at {@link #LEVEL}, freshly reset. */
    GzipWriter(OutputStream out, Deflater deflater) throws IOException {
        super(out, deflater, 64 * 1024);
        out.write(HEADER);
    }

    /** A raw deflater configured for packages; reuse it across packages with {@link Deflater#reset()}. */
    static Deflater newDeflater() {
        return new Deflater(LEVEL, true);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        super.write(b, off, len);
        crc.update(b, off, len);
        length += len;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void finish() throws IOException {
        if (!def.finished()) {
            super.finish();
            long c = crc.getValue();
            long n = length & 0xffffffffL;
            out.write(new byte[] {
                (byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
                (byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
        }
    }
}
