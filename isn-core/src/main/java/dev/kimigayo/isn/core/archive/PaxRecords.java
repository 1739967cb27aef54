package dev.kimigayo.isn.core.archive;

import java.nio.charset.StandardCharsets;

/**
 * The pax extended header keys isn honours: {@code path}, {@code linkpath}, {@code size}. Any
 * other key is refused, so no header field (owner, mode, times) can be overridden unseen.
 *
 * @param path     the long name, or null
 * @param linkpath the long link target, or null
 * @param size     the content size, or -1
 */
record PaxRecords(String path, String linkpath, long size) {

    /** No pax header. */
    static final PaxRecords NONE = new PaxRecords(null, null, -1);

    /** Parses "LEN key=value\n" records, checking every length. */
    static PaxRecords parse(byte[] data, long offset, String source) throws RejectedIOException {
        String path = null;
        String linkpath = null;
        long size = -1;
        int pos = 0;
        while (pos < data.length) {
            int space = pos;
            while (space < data.length && data[space] >= '0' && data[space] <= '9' && space - pos < 7) {
                space++;
            }
            if (space == pos || space >= data.length || data[space] != ' ') {
                throw malformed(offset, source, "bad record length");
            }
            int len = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
            int end = pos + len;
            if (len <= space - pos + 1 || end > data.length || data[end - 1] != '\n') {
                throw malformed(offset, source, "record length does not match its content");
            }
            String record = TarReader.utf8(data, space + 1, end - space - 2, offset, source);
            int eq = record.indexOf('=');
            if (eq <= 0) {
                throw malformed(offset, source, "record without '='");
            }
            String key = record.substring(0, eq);
            String value = record.substring(eq + 1);
            switch (key) {
                case "path" -> path = value;
                case "linkpath" -> linkpath = value;
                case "size" -> size = parseSize(value, offset, source);
                default -> throw malformed(offset, source, "unsupported key '" + key + "'");
            }
            pos = end;
        }
        return new PaxRecords(path, linkpath, size);
    }

    private static long parseSize(String value, long offset, String source) throws RejectedIOException {
        if (!value.matches("0|[1-9][0-9]{0,17}")) {
            throw malformed(offset, source, "bad size '" + value + "'");
        }
        return Long.parseLong(value);
    }

    private static RejectedIOException malformed(long offset, String source, String detail) {
        return new RejectedIOException(new MalformedPackageException(source, null,
                "pax header at offset " + offset + ": " + detail));
    }
}
