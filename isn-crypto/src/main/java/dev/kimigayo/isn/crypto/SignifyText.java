package dev.kimigayo.isn.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads and writes the two-line text frame shared by signify and minisign files: an
 * {@code untrusted comment: } line and one line of standard, padded base64, each ending in LF.
 * See docs/format-keys.md for the exact rules this parser enforces.
 */
final class SignifyText {

    static final String UNTRUSTED = "untrusted comment: ";
    static final String TRUSTED = "trusted comment: ";
    /** signify's COMMENTMAXLEN is 1024 including the terminating NUL. */
    static final int MAX_COMMENT = 1023;
    /** Larger than any valid key or signature file; bounds what a reader buffers. */
    static final int MAX_FILE = 4096;

    /** Two-byte algorithm tag of signify's Ed25519 files ("Ed"). */
    static final byte[] ALG_ED = {'E', 'd'};

    /** A file content defect, turned into the caller's public exception. */
    static final class Defect extends Exception {
        Defect(String message) {
            super(message, null, false, false);
        }
    }

    /** A cursor over the file's bytes, consuming one LF-terminated line at a time. */
    static final class Reader {
        private final byte[] data;
        private int pos;

        Reader(byte[] data) throws Defect {
            if (data.length > MAX_FILE) {
                throw new Defect("file is larger than " + MAX_FILE + " bytes, too large for a key or signature file");
            }
            if (data.length == 0) {
                throw new Defect("file is empty");
            }
            this.data = data;
        }

        boolean atEnd() {
            return pos == data.length;
        }

        /** The next line without its LF; {@code what} names it in error messages. */
        String line(String what) throws Defect {
            int end = pos;
            while (end < data.length && data[end] != '\n') {
                end++;
            }
            if (end == data.length) {
                throw new Defect(what + " is not terminated by a newline (LF)");
            }
            byte[] raw = Arrays.copyOfRange(data, pos, end);
            pos = end + 1;
            if (raw.length > 0 && raw[raw.length - 1] == '\r') {
                throw new Defect(what + " ends with CR: Windows line endings are not allowed, use LF only");
            }
            for (byte b : raw) {
                if (b == '\r' || b == 0) {
                    throw new Defect(what + " contains a CR or NUL byte");
                }
            }
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                throw new Defect(what + " is not valid UTF-8");
            }
        }

        /** A comment line starting with {@code prefix}; returns the text after the prefix. */
        String comment(String prefix, String what) throws Defect {
            String line = line(what);
            if (!line.startsWith(prefix)) {
                throw new Defect(what + " must start with '" + prefix + "'");
            }
            String text = line.substring(prefix.length());
            checkComment(text, what);
            return text;
        }

        /** A base64 line that must decode to exactly {@code length} bytes. */
        byte[] base64(int length, String what) throws Defect {
            String line = line(what);
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(line);
            } catch (IllegalArgumentException e) {
                throw new Defect(what + " is not valid base64: " + e.getMessage());
            }
            if (decoded.length != length) {
                throw new Defect(what + " decodes to " + decoded.length + " bytes, expected " + length);
            }
            // Only the canonical encoding is accepted, so one key or signature has one file form.
            if (!Base64.getEncoder().encodeToString(decoded).equals(line)) {
                throw new Defect(what + " is not canonical padded base64");
            }
            return decoded;
        }
    }

    private SignifyText() {
    }

    /** Checks that {@code text} can be written as a comment; throws a Defect naming {@code what}. */
    static void checkComment(String text, String what) throws Defect {
        if (text.isEmpty()) {
            throw new Defect(what + " is empty (signify requires a comment)");
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_COMMENT) {
            throw new Defect(what + " is longer than " + MAX_COMMENT + " bytes");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == 0) {
                throw new Defect(what + " contains a line break or NUL");
            }
        }
    }

    /** Checks a comment given by a caller, turning a defect into IllegalArgumentException. */
    static String requireComment(String text) {
        try {
            checkComment(text, "comment");
            return text;
        } catch (Defect d) {
            throw new IllegalArgumentException(d.getMessage());
        }
    }

    /** Appends {@code prefix + text + LF} then the base64 of {@code payload} and LF. */
    static void write(StringBuilder out, String prefix, String text, byte[] payload) {
        out.append(prefix).append(text).append('\n')
                .append(Base64.getEncoder().encodeToString(payload)).append('\n');
    }

    /** Concatenates byte arrays. */
    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
