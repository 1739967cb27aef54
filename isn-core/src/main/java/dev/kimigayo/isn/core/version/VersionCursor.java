package dev.kimigayo.isn.core.version;

/**
 * Walks an apk version string one token at a time without allocating.
 *
 * <p>The grammar is {@code digits{.digits}[letter]{_suffix[digits]}[~hex][-rdigits]}. When the
 * text stops following it the cursor stops on an {@link Type#INVALID} token whose {@link #start}
 * is the offending character; comparison treats the rest of the text as an opaque string so that
 * invalid versions still sort deterministically.
 */
final class VersionCursor {

    /** Token kinds, in the order they may appear. */
    enum Type { INITIAL_DIGIT, DIGIT, LETTER, SUFFIX, SUFFIX_NO, HASH, REVISION, END, INVALID }

    /** Suffix names; the index is the rank, and ranks below {@link #FIRST_POST_RELEASE} sort before no suffix. */
    static final String[] SUFFIXES = {"alpha", "beta", "pre", "rc", "cvs", "svn", "git", "hg", "p"};
    static final int FIRST_POST_RELEASE = 4;

    final String text;
    Type type;
    /** Start (inclusive) and end (exclusive) of the current token's value, e.g. the digits of a number. */
    int start;
    int end;
    /** Rank in {@link #SUFFIXES} when the token is a suffix. */
    int suffix;
    /** Why the text is invalid, when {@link #type} is INVALID. */
    String reason;
    private int pos;

    VersionCursor(String text) {
        this.text = text;
    }

    /** Moves to the next token; stays put on END or INVALID. */
    Type next() {
        if (type == Type.END || type == Type.INVALID) {
            return type;
        }
        if (type == null) {
            return digits(Type.INITIAL_DIGIT, "a version must start with a digit");
        }
        if (pos == text.length()) {
            return set(Type.END, pos, pos);
        }
        char c = text.charAt(pos);
        switch (type) {
            case INITIAL_DIGIT, DIGIT -> {
                if (c == '.') {
                    pos++;
                    return digits(Type.DIGIT, "expected a digit after '.'");
                }
                if (c >= 'a' && c <= 'z') {
                    pos++;
                    return set(Type.LETTER, pos - 1, pos);
                }
                return tail(c, true);
            }
            case LETTER -> {
                return tail(c, true);
            }
            case SUFFIX -> {
                if (isDigit(c)) {
                    return digits(Type.SUFFIX_NO, null);
                }
                return tail(c, true);
            }
            case SUFFIX_NO -> {
                return tail(c, true);
            }
            case HASH -> {
                return tail(c, false);
            }
            default -> {
                return invalid(pos, "nothing may follow the revision");
            }
        }
    }

    private Type tail(char c, boolean suffixOrHashAllowed) {
        int at = pos;
        if (c == '_' && suffixOrHashAllowed) {
            pos++;
            while (pos < text.length() && text.charAt(pos) >= 'a' && text.charAt(pos) <= 'z') {
                pos++;
            }
            int length = pos - at - 1;
            for (int i = 0; i < SUFFIXES.length; i++) {
                if (SUFFIXES[i].length() == length && text.regionMatches(at + 1, SUFFIXES[i], 0, length)) {
                    suffix = i;
                    return set(Type.SUFFIX, at + 1, pos);
                }
            }
            String name = text.substring(at + 1, pos);
            return invalid(at + 1, name.isEmpty() ? "expected a suffix name after '_'"
                    : "unknown suffix '_" + name + "' (known: _alpha _beta _pre _rc _cvs _svn _git _hg _p)");
        }
        if (c == '~' && suffixOrHashAllowed) {
            pos++;
            while (pos < text.length() && isHex(text.charAt(pos))) {
                pos++;
            }
            return pos == at + 1 ? invalid(pos, "expected a lower-case hexadecimal commit hash after '~'")
                    : set(Type.HASH, at + 1, pos);
        }
        if (c == '-') {
            if (pos + 1 < text.length() && text.charAt(pos + 1) == 'r') {
                pos += 2;
                return digits(Type.REVISION, "expected the revision number after '-r'");
            }
            return invalid(at + 1, "expected 'r' after '-' (revision is written -rN)");
        }
        return invalid(at, "unexpected '" + c + "'");
    }

    private Type digits(Type t, String missing) {
        int from = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        return pos == from ? invalid(from, missing) : set(t, from, pos);
    }

    private Type set(Type t, int from, int to) {
        type = t;
        start = from;
        end = to;
        return t;
    }

    private Type invalid(int at, String why) {
        reason = why;
        pos = at;
        return set(Type.INVALID, at, text.length());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f');
    }
}
