package dev.kimigayo.isn.core.archive;

import java.nio.charset.StandardCharsets;

/** Parses and checks one 512-byte ustar header block. */
final class TarHeaderParser {

    private final byte[] block;
    private final long offset;
    private final String source;

    /** Checks the checksum and magic of {@code block}, read at {@code offset}. */
    TarHeaderParser(byte[] block, long offset, String source) throws RejectedIOException {
        this.block = block;
        this.offset = offset;
        this.source = source;
        long stored = octal(TarFormat.CHECKSUM, 8, "checksum");
        if (stored != TarFormat.checksum(block)) {
            throw malformed("bad header checksum");
        }
        String magic = new String(block, TarFormat.MAGIC, 8, StandardCharsets.ISO_8859_1);
        if (!magic.equals("ustar\u000000")) {
            throw malformed("not a POSIX ustar header (magic " + printable(magic) + ")");
        }
    }

    /** The typeflag, with NUL read as a regular file. */
    char type() {
        char t = (char) (block[TarFormat.TYPEFLAG] & 0xff);
        return t == 0 ? TarFormat.REGULAR : t;
    }

    /** The size field. */
    long size() throws RejectedIOException {
        return octal(TarFormat.SIZE, 12, "size");
    }

    /** The entry this header describes, with {@code pax} overriding names and size. */
    TarEntry entry(PaxRecords pax) throws RejectedIOException {
        char type = type();
        switch (type) {
            case TarFormat.REGULAR, TarFormat.HARDLINK, TarFormat.SYMLINK, TarFormat.DIRECTORY,
                 TarFormat.CHAR_DEVICE, TarFormat.BLOCK_DEVICE, TarFormat.FIFO -> { }
            default -> throw malformed("unsupported tar entry type " + printable(String.valueOf(type)));
        }
        String path = pax.path() != null ? pax.path() : name();
        if (type == TarFormat.DIRECTORY && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String link = pax.linkpath() != null ? pax.linkpath() : field(TarFormat.LINKNAME, TarFormat.NAME_LEN);
        boolean linked = type == TarFormat.HARDLINK || type == TarFormat.SYMLINK;
        long size = pax.size() >= 0 ? pax.size() : size();
        int mode = (int) (octal(TarFormat.MODE, 8, "mode") & 07777);
        long uid = octal(TarFormat.UID, 8, "uid");
        long gid = octal(TarFormat.GID, 8, "gid");
        octal(TarFormat.MTIME, 12, "mtime");
        return new TarEntry(offset, path, type, mode, uid, gid, size, linked ? link : null);
    }

    private String name() throws RejectedIOException {
        String name = field(TarFormat.NAME, TarFormat.NAME_LEN);
        String prefix = field(TarFormat.PREFIX, TarFormat.PREFIX_LEN);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private String field(int off, int width) throws RejectedIOException {
        int len = 0;
        while (len < width && block[off + len] != 0) {
            len++;
        }
        return TarReader.utf8(block, off, len, offset, source);
    }

    /** Octal digits, optionally space-padded in front, ended by NUL or space; base-256 is refused. */
    private long octal(int off, int width, String what) throws RejectedIOException {
        int i = off;
        int end = off + width;
        if ((block[off] & 0x80) != 0) {
            throw malformed("binary (base-256) " + what + " field is not supported");
        }
        while (i < end && block[i] == ' ') {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < end && block[i] >= '0' && block[i] <= '7'; i++, digits++) {
            if (digits >= 12) {
                throw malformed("oversize " + what + " field");
            }
            value = value * 8 + (block[i] - '0');
        }
        for (; i < end; i++) {
            if (block[i] != 0 && block[i] != ' ') {
                throw malformed("malformed " + what + " field");
            }
        }
        if (digits == 0) {
            throw malformed("empty " + what + " field");
        }
        return value;
    }

    private RejectedIOException malformed(String detail) {
        return new RejectedIOException(new MalformedPackageException(source, null,
                "tar header at offset " + offset + ": " + detail));
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return b.append("'").toString();
    }
}
