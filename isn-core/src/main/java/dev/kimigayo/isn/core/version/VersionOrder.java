package dev.kimigayo.isn.core.version;

import dev.kimigayo.isn.core.version.VersionCursor.Type;

/**
 * apk's total order on version strings, including the fuzzy (prefix) match.
 *
 * <p>Both strings are walked token by token. Tokens of the same kind compare by value; at the
 * first pair of different kinds the "longer" version wins, except that a pre-release suffix
 * ({@code _alpha _beta _pre _rc}) loses even to the end of the string. An invalid tail sorts
 * below anything valid at the same place, and two invalid tails compare as plain strings: the
 * order stays total and deterministic without pretending the garbage means anything.
 */
final class VersionOrder {

    private VersionOrder() {
    }

    /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
    static int compare(String a, String b, boolean fuzzy) {
        if (a.equals(b)) {
            return 0;
        }
        VersionCursor ca = new VersionCursor(a);
        VersionCursor cb = new VersionCursor(b);
        while (true) {
            Type ta = ca.next();
            Type tb = cb.next();
            if (fuzzy && tb == Type.END) {
                return 0;
            }
            if (ta != tb) {
                return Integer.compare(rank(ca), rank(cb));
            }
            int r = switch (ta) {
                case END -> 0;
                case INVALID -> compareText(ca, cb);
                case INITIAL_DIGIT, SUFFIX_NO, REVISION -> compareNumbers(ca, cb);
                case DIGIT -> leadingZero(ca) || leadingZero(cb) ? compareText(ca, cb) : compareNumbers(ca, cb);
                case LETTER, HASH -> compareText(ca, cb);
                case SUFFIX -> Integer.compare(ca.suffix, cb.suffix);
            };
            if (r != 0 || ta == Type.END || ta == Type.INVALID) {
                return r;
            }
        }
    }

    /** Where a token kind sorts against a different kind at the same place. */
    private static int rank(VersionCursor c) {
        return switch (c.type) {
            case INVALID -> 0;
            case SUFFIX -> c.suffix < VersionCursor.FIRST_POST_RELEASE ? 1 : 6;
            case END -> 2;
            case REVISION -> 3;
            case HASH -> 4;
            case SUFFIX_NO -> 5;
            case LETTER -> 7;
            case DIGIT -> 8;
            case INITIAL_DIGIT -> 9;
        };
    }

    private static boolean leadingZero(VersionCursor c) {
        return c.text.charAt(c.start) == '0';
    }

    /**
     * Compares the current tokens as strings (UTF-16 code units), without allocating. apk
     * compares a dotted component with a leading zero this way: 1.02 < 1.1, 8.2.0 < 8.2.001.
     */
    private static int compareText(VersionCursor a, VersionCursor b) {
        int la = a.end - a.start;
        int lb = b.end - b.start;
        for (int i = 0, n = Math.min(la, lb); i < n; i++) {
            int d = Character.compare(a.text.charAt(a.start + i), b.text.charAt(b.start + i));
            if (d != 0) {
                return Integer.signum(d);
            }
        }
        return Integer.compare(la, lb);
    }

    /** Numeric comparison of any length, so that huge date-like numbers never overflow. */
    private static int compareNumbers(VersionCursor a, VersionCursor b) {
        int sa = skipZeros(a);
        int sb = skipZeros(b);
        int la = a.end - sa;
        int lb = b.end - sb;
        if (la != lb) {
            return Integer.compare(la, lb);
        }
        for (int i = 0; i < la; i++) {
            int d = Character.compare(a.text.charAt(sa + i), b.text.charAt(sb + i));
            if (d != 0) {
                return Integer.signum(d);
            }
        }
        return 0;
    }

    private static int skipZeros(VersionCursor c) {
        int i = c.start;
        while (i < c.end - 1 && c.text.charAt(i) == '0') {
            i++;
        }
        return i;
    }
}
