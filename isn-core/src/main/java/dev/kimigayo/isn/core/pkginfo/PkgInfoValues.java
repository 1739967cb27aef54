package dev.kimigayo.isn.core.pkginfo;

/** The rules PKGINFO values obey, shared by the reader (line-numbered errors) and the record. */
final class PkgInfoValues {

    /** Longest key, known or not. */
    static final int MAX_KEY = 64;

    private PkgInfoValues() {
    }

    /** Why {@code key} cannot be a key ({@code [a-z][a-z0-9_]*}), or null. */
    static String keyProblem(String key) {
        if (key.isEmpty()) {
            return "missing key before '='";
        }
        if (key.length() > MAX_KEY) {
            return "key longer than " + MAX_KEY + " characters";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || i > 0 && (c >= '0' && c <= '9' || c == '_');
            if (!ok) {
                return "invalid key '" + key + "' (keys are lower-case [a-z][a-z0-9_]*)";
            }
        }
        return null;
    }

    /**
     * Why {@code value} cannot be a value, or null: it must be non-empty, without leading or
     * trailing blanks, and free of control characters and of the Unicode bidirectional controls
     * that can make text display differently from what it says.
     */
    static String textProblem(String value) {
        if (value.isEmpty()) {
            return "empty value (omit the line instead)";
        }
        if (isBlank(value.charAt(0)) || isBlank(value.charAt(value.length() - 1))) {
            return "value starts or ends with a blank";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f) {
                return String.format("control character U+%04X at column %d of the value", (int) c, i + 1);
            }
            if (c == '\t') {
                return "tab character at column " + (i + 1) + " of the value (use spaces)";
            }
            if (c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f
                    || c == 0x061c) {
                return String.format("bidirectional control character U+%04X at column %d of the value", (int) c, i + 1);
            }
        }
        return null;
    }

    /**
     * Why {@code path} cannot be a payload path in {@code config} or {@code setuid}, or null:
     * relative to the root, '/'-separated, no leading or trailing '/', no empty, '.' or '..'
     * component, no whitespace (values are whitespace-separated).
     */
    static String pathProblem(String path) {
        String text = textProblem(path);
        if (text != null) {
            return text;
        }
        if (path.startsWith("/")) {
            return "path '" + path + "' is absolute (write it relative to the root, without the leading '/')";
        }
        for (String part : path.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return "path '" + path + "' is not canonical (empty, '.' or '..' component)";
            }
        }
        for (int i = 0; i < path.length(); i++) {
            if (Character.isWhitespace(path.charAt(i)) || Character.isSpaceChar(path.charAt(i))) {
                return "path '" + path + "' contains whitespace";
            }
        }
        return null;
    }

    /** Why {@code sha256} is not 64 lower-case hexadecimal digits, or null. */
    static String sha256Problem(String sha256) {
        if (sha256.length() != 64) {
            return "sha256 must be 64 lower-case hexadecimal digits, not " + sha256.length() + " characters";
        }
        for (int i = 0; i < 64; i++) {
            char c = sha256.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return "sha256 must be 64 lower-case hexadecimal digits; '" + c + "' at column " + (i + 1);
            }
        }
        return null;
    }

    /** Parses a non-negative decimal number no larger than {@code max}, or returns -1. */
    static long parseCount(String text, long max) {
        if (text.isEmpty() || text.length() > 19 || text.length() > 1 && text.charAt(0) == '0') {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
            if (v < 0 || v > max) {
                return -1;
            }
        }
        return v;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
