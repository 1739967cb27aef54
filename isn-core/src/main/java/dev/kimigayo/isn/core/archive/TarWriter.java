package dev.kimigayo.isn.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the deterministic tar stream of a package: ustar headers with the numeric owners the
 * manifest records (user and group names {@code root} for id 0, else empty), a fixed mtime, and a pax header carrying only {@code path}, {@code linkpath} and {@code size}
 * when a value does not fit its ustar field. No blocking-factor padding after the end marker.
 */
final class TarWriter {

    private static final byte[] ROOT = TarFormat.utf8("root");
    private static final byte[] ZEROS = new byte[2 * TarFormat.BLOCK];

    private final OutputStream out;
    private final long mtime;
    private final byte[] header = new byte[TarFormat.BLOCK];
    private final byte[] buffer = new byte[64 * 1024];

    /** Writes to {@code out}, stamping every entry with {@code mtime} (seconds since the epoch). */
    TarWriter(OutputStream out, long mtime) {
        if (mtime < 0 || mtime > TarFormat.MAX_OCTAL_11) {
            throw new IllegalArgumentException("mtime out of range: " + mtime);
        }
        this.out = out;
        this.mtime = mtime;
    }

    /** Writes a regular file entry with its whole content. */
    void file(String path, int mode, byte[] content) throws IOException {
        header(path, TarFormat.REGULAR, mode, 0, 0, content.length, null);
        out.write(content);
        pad(content.length);
    }

    /** Writes a regular file entry whose content is read from {@code content}; exactly {@code size} bytes. */
    void file(String path, int mode, long uid, long gid, long size, InputStream content) throws IOException {
        header(path, TarFormat.REGULAR, mode, uid, gid, size, null);
        long left = size;
        while (left > 0) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException(path + ": file shrank while being packed");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        if (content.read() != -1) {
            throw new IOException(path + ": file grew while being packed");
        }
        pad(size);
    }

    /** Writes a directory entry (its ustar name ends in '/'). */
    void directory(String path, int mode, long uid, long gid) throws IOException {
        header(path + "/", TarFormat.DIRECTORY, mode, uid, gid, 0, null);
    }

    /** Writes a symbolic link entry. */
    void symlink(String path, long uid, long gid, String target) throws IOException {
        header(path, TarFormat.SYMLINK, 0777, uid, gid, 0, target);
    }

    /** Writes a hardlink entry naming an earlier file. */
    void hardlink(String path, int mode, long uid, long gid, String target) throws IOException {
        header(path, TarFormat.HARDLINK, mode, uid, gid, 0, target);
    }

    /** Writes the end-of-archive marker: two zero blocks. */
    void finish() throws IOException {
        out.write(ZEROS);
    }

    private void header(String name, char type, int mode, long uid, long gid, long size, String link) throws IOException {
        byte[] nameBytes = TarFormat.utf8(name);
        byte[] linkBytes = link == null ? new byte[0] : TarFormat.utf8(link);
        boolean longName = nameBytes.length > TarFormat.NAME_LEN;
        boolean longLink = linkBytes.length > TarFormat.NAME_LEN;
        boolean bigSize = size > TarFormat.MAX_OCTAL_11;
        if (longName || longLink || bigSize) {
            StringBuilder records = new StringBuilder();
            if (longName) {
                record(records, "path", name);
            }
            if (longLink) {
                record(records, "linkpath", link);
            }
            if (bigSize) {
                record(records, "size", Long.toString(size));
            }
            byte[] pax = records.toString().getBytes(StandardCharsets.UTF_8);
            block(TarFormat.utf8(TarFormat.PAX_NAME), TarFormat.PAX, 0644, 0, 0, pax.length, new byte[0]);
            out.write(pax);
            pad(pax.length);
        }
        block(nameBytes, type, mode, uid, gid, bigSize ? 0 : size, linkBytes);
    }

    private void block(byte[] name, char type, int mode, long uid, long gid, long size, byte[] link) throws IOException {
        Arrays.fill(header, (byte) 0);
        TarFormat.putBytes(header, TarFormat.NAME, TarFormat.NAME_LEN, name);
        TarFormat.putOctal(header, TarFormat.MODE, 8, mode);
        TarFormat.putOctal(header, TarFormat.UID, 8, uid);
        TarFormat.putOctal(header, TarFormat.GID, 8, gid);
        TarFormat.putOctal(header, TarFormat.SIZE, 12, size);
        TarFormat.putOctal(header, TarFormat.MTIME, 12, mtime);
        header[TarFormat.TYPEFLAG] = (byte) type;
        TarFormat.putBytes(header, TarFormat.LINKNAME, TarFormat.NAME_LEN, link);
        TarFormat.putBytes(header, TarFormat.MAGIC, 6, TarFormat.utf8("ustar\0"));
        TarFormat.putBytes(header, TarFormat.VERSION, 2, TarFormat.utf8("00"));
        // Names only for root: other ids mean nothing outside the target system's passwd and group files.
        TarFormat.putBytes(header, TarFormat.UNAME, 32, uid == 0 ? ROOT : new byte[0]);
        TarFormat.putBytes(header, TarFormat.GNAME, 32, gid == 0 ? ROOT : new byte[0]);
        TarFormat.putOctal(header, TarFormat.DEVMAJOR, 8, 0);
        TarFormat.putOctal(header, TarFormat.DEVMINOR, 8, 0);
        TarFormat.putOctal(header, TarFormat.CHECKSUM, 7, TarFormat.checksum(header));
        header[TarFormat.CHECKSUM + 7] = ' ';
        out.write(header);
    }

    private void pad(long size) throws IOException {
        int rest = (int) (TarFormat.padded(size) - size);
        if (rest > 0) {
            out.write(ZEROS, 0, rest);
        }
    }

    /** Appends one pax record "LEN key=value\n", where LEN counts the whole record including itself. */
    private static void record(StringBuilder records, String key, String value) {
        int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int len = body + Integer.toString(body).length();
        if (Integer.toString(len).length() != Integer.toString(body).length()) {
            len++;
        }
        records.append(len).append(' ').append(key).append('=').append(value).append('\n');
    }
}
