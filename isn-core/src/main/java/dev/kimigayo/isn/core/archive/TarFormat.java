package dev.kimigayo.isn.core.archive;

import java.nio.charset.StandardCharsets;

/** Field offsets and encodings of the POSIX ustar header, as isn writes and reads it. */
final class TarFormat {

    static final int BLOCK = 512;
    static final int NAME = 0;
    static final int NAME_LEN = 100;
    static final int MODE = 100;
    static final int UID = 108;
    static final int GID = 116;
    static final int SIZE = 124;
    static final int MTIME = 136;
    static final int CHECKSUM = 148;
    static final int TYPEFLAG = 156;
    static final int LINKNAME = 157;
    static final int MAGIC = 257;
    static final int VERSION = 263;
    static final int UNAME = 265;
    static final int GNAME = 297;
    static final int DEVMAJOR = 329;
    static final int DEVMINOR = 337;
    static final int PREFIX = 345;
    static final int PREFIX_LEN = 155;

    /** Largest value of the 12-byte numeric fields (11 octal digits). */
    static final long MAX_OCTAL_11 = 077777777777L;

    static final char REGULAR = '0';
    static final char HARDLINK = '1';
    static final char SYMLINK = '2';
    static final char CHAR_DEVICE = '3';
    static final char BLOCK_DEVICE = '4';
    static final char DIRECTORY = '5';
    static final char FIFO = '6';
    static final char PAX = 'x';

    /** The name of every pax extended header entry isn writes. */
    static final String PAX_NAME = "././@PaxHeader";

    private TarFormat() {
    }

    /** {@code size} rounded up to whole 512-byte blocks. */
    static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    /** The header checksum: the sum of all bytes with the checksum field taken as spaces. */
    static long checksum(byte[] header) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= CHECKSUM && i < CHECKSUM + 8) ? ' ' : (header[i] & 0xff);
        }
        return sum;
    }

    /** Writes {@code value} as zero-padded octal digits filling {@code width - 1} bytes, then NUL. */
    static void putOctal(byte[] header, int offset, int width, long value) {
        String digits = Long.toOctalString(value);
        int pad = width - 1 - digits.length();
        for (int i = 0; i < pad; i++) {
            header[offset + i] = '0';
        }
        for (int i = 0; i < digits.length(); i++) {
            header[offset + pad + i] = (byte) digits.charAt(i);
        }
        header[offset + width - 1] = 0;
    }

    /** Copies at most {@code width} bytes of {@code bytes} into the field; the rest stays NUL. */
    static void putBytes(byte[] header, int offset, int width, byte[] bytes) {
        System.arraycopy(bytes, 0, header, offset, Math.min(width, bytes.length));
    }

    /** The UTF-8 bytes of a name. */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
