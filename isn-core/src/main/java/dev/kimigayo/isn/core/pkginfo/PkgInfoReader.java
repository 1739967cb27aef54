package dev.kimigayo.isn.core.pkginfo;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads PKGINFO strictly: every departure from docs/format-pkginfo.md is refused with its line. */
public final class PkgInfoReader {

    /**
     * Largest PKGINFO accepted, in bytes, by pack, index, verify and install alike: 3.6 times the
     * largest of the Debian bookworm graph (librust-winapi-dev, 71,188 bytes with 1,603 provides).
     */
    public static final int MAX_SIZE = 256 * 1024;

    private PkgInfoReader() {
    }

    /**
     * Parses PKGINFO bytes. {@code source} names the file or package in error messages.
     *
     * @throws MalformedPkgInfoException on the first problem, naming its line
     */
    public static PkgInfo parse(byte[] data, String source) throws MalformedPkgInfoException {
        if (data.length > MAX_SIZE) {
            throw new MalformedPkgInfoException(source, 0,
                    "PKGINFO is " + data.length + " bytes; at most " + MAX_SIZE + " are allowed");
        }
        if (data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf) {
            throw new MalformedPkgInfoException(source, 1, "byte order mark at the start; save the file as UTF-8 without BOM");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        PkgInfoCollector collector = new PkgInfoCollector(source);
        int lineNo = 0;
        int start = 0;
        while (start < data.length) {
            lineNo++;
            int end = start;
            while (end < data.length && data[end] != '\n') {
                end++;
            }
            String line = decode(decoder, data, start, end, source, lineNo);
            readLine(collector, line, lineNo, source);
            start = end + 1;
        }
        return collector.finish();
    }

    private static void readLine(PkgInfoCollector collector, String line, int lineNo, String source)
            throws MalformedPkgInfoException {
        if (line.endsWith("\r")) {
            throw new MalformedPkgInfoException(source, lineNo, "carriage return at the end of the line; use LF line endings");
        }
        if (line.isBlank() || line.startsWith("#")) {
            return;
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw new MalformedPkgInfoException(source, lineNo, "expected 'key = value', found '" + shorten(line) + "'");
        }
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            throw new MalformedPkgInfoException(source, lineNo, "line starts with a blank; keys start at the first column");
        }
        String key = line.substring(0, eq).stripTrailing();
        String keyProblem = PkgInfoValues.keyProblem(key);
        if (keyProblem != null) {
            throw new MalformedPkgInfoException(source, lineNo, keyProblem);
        }
        String value = strip(line.substring(eq + 1));
        String valueProblem = PkgInfoValues.textProblem(value);
        if (valueProblem != null) {
            throw new MalformedPkgInfoException(source, lineNo, "key '" + key + "': " + valueProblem);
        }
        collector.accept(key, value, lineNo);
    }

    private static String decode(CharsetDecoder decoder, byte[] data, int start, int end, String source, int lineNo)
            throws MalformedPkgInfoException {
        ByteBuffer in = ByteBuffer.wrap(data, start, end - start);
        CharBuffer out = CharBuffer.allocate(end - start);
        decoder.reset();
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new MalformedPkgInfoException(source, lineNo,
                    "invalid UTF-8 at byte " + (in.position() - start + 1) + " of the line");
        }
        return out.flip().toString();
    }

    /** Strips spaces and tabs only, so other characters reach the value checks. */
    private static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }

    private static String shorten(String line) {
        String shown = line.length() > 60 ? line.substring(0, 60) + "…" : line;
        StringBuilder b = new StringBuilder();
        for (char c : shown.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
