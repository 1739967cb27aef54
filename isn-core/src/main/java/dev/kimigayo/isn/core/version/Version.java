package dev.kimigayo.isn.core.version;

import java.util.Objects;

/**
 * A valid apk version such as {@code 1.2.3_rc1-r2}, ordered exactly as apk-tools orders them.
 *
 * <p>Equality is by text; {@link #compareTo} can call two different texts equal ({@code 1-r01}
 * and {@code 1-r1}), as apk does, so do not mix the two in sorted sets.
 */
public final class Version implements Comparable<Version> {

    private final String text;

    private Version(String text) {
        this.text = text;
    }

    /** Parses a version, refusing anything apk would call invalid. */
    public static Version parse(String text) throws InvalidVersionException {
        Objects.requireNonNull(text, "text");
        VersionCursor c = firstProblem(text);
        if (c != null) {
            throw new InvalidVersionException(text, c.start, c.reason);
        }
        return new Version(text);
    }

    /** Whether {@code text} is a valid apk version. */
    public static boolean isValid(String text) {
        return text != null && firstProblem(text) == null;
    }

    /** apk's total order on any two strings; invalid versions are sorted deterministically too. */
    public static int compare(String a, String b) {
        return VersionOrder.compare(a, b, false);
    }

    /** apk's {@code ~}: whether {@code version} starts with the whole components of {@code prefix}. */
    public static boolean fuzzyMatch(String version, String prefix) {
        return VersionOrder.compare(version, prefix, true) == 0;
    }

    /** The version as written. */
    public String text() {
        return text;
    }

    @Override
    public int compareTo(Version other) {
        return compare(text, other.text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && v.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    /** The cursor stopped on the first invalid token, or null when the text is valid. */
    private static VersionCursor firstProblem(String text) {
        VersionCursor c = new VersionCursor(text);
        while (true) {
            switch (c.next()) {
                case END -> {
                    return null;
                }
                case INVALID -> {
                    return c;
                }
                default -> { }
            }
        }
    }
}
