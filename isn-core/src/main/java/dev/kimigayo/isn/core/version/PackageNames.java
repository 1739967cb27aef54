package dev.kimigayo.isn.core.version;

/**
 * What a package name and a dependency name may look like.
 *
 * <p>Package names are strict because they end up in file names and the database:
 * {@code [a-z0-9][a-z0-9._+-]*}, at most 128 characters, no {@code ..}. Dependency names (what
 * {@code depends}, {@code provides} and the world refer to) also admit apk's other forms:
 * prefixed names such as {@code so:libX11.so.6}, {@code cmd:[} or {@code pc:gtk+-3.0} (any
 * printable ASCII after the prefix except {@code @ < > = ~ ! / \ , ; ' " `}), virtual names
 * starting with a dot such as {@code .build-deps}, and absolute file paths such as
 * {@code /bin/sh} (apk lets packages provide a path; see docs/versions.md).
 */
public final class PackageNames {

    /** Longest package name (and dot-virtual name). */
    public static final int MAX_PACKAGE_NAME = 128;
    /** Longest prefixed or path dependency name. */
    public static final int MAX_DEPENDENCY_NAME = 255;

    private static final String PREFIXED_FORBIDDEN = "@<>=~!/\\,;'\"`";

    private PackageNames() {
    }

    /** Whether {@code name} is a valid package name (strict, lower case). */
    public static boolean isValidPackageName(String name) {
        return name != null && packageNameProblem(name) < 0;
    }

    /** Whether {@code name} may appear as the name of a dependency, provide or world entry. */
    public static boolean isValidDependencyName(String name) {
        return name != null && dependencyNameProblem(name) < 0;
    }

    /** Index of the first offending character of a package name, or -1 when it is valid. */
    static int packageNameProblem(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        if (!isLowerAlnum(name.charAt(0))) {
            return 0;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isLowerAlnum(c) || c == '.' || c == '_' || c == '+' || c == '-')) {
                return i;
            }
            if (c == '.' && name.charAt(i - 1) == '.') {
                return i;
            }
            if (i >= MAX_PACKAGE_NAME) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first offending character of a dependency name, or -1 when it is valid. */
    static int dependencyNameProblem(String name) {
        if (name.isEmpty()) {
            return 0;
        }
        char first = name.charAt(0);
        if (first == '.') {
            return dotNameProblem(name);
        }
        if (first == '/') {
            return pathProblem(name);
        }
        int colon = prefixEnd(name);
        if (colon < 0) {
            return packageNameProblem(name);
        }
        if (colon == name.length() - 1) {
            return name.length();
        }
        for (int i = colon + 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c > '~' || PREFIXED_FORBIDDEN.indexOf(c) >= 0 || i >= MAX_DEPENDENCY_NAME) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the ':' ending a {@code [a-z][a-z0-9]*:} prefix, or -1. */
    private static int prefixEnd(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ':' && i > 0) {
                return i;
            }
            if (!(c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9')) {
                return -1;
            }
        }
        return -1;
    }

    private static int dotNameProblem(String name) {
        if (name.length() == 1) {
            return 1;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = isLowerAlnum(c) || c >= 'A' && c <= 'Z' || c == '.' || c == '_' || c == '+' || c == '-';
            if (!ok || c == '.' && name.charAt(i - 1) == '.' || i >= MAX_PACKAGE_NAME) {
                return i;
            }
        }
        return -1;
    }

    /** Absolute, normalised paths only: no empty, {@code .} or {@code ..} segments, no trailing slash. */
    private static int pathProblem(String name) {
        int segmentStart = 1;
        for (int i = 1; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '/') {
                String segment = name.substring(segmentStart, i);
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    return Math.min(segmentStart, name.length() - 1);
                }
                segmentStart = i + 1;
                continue;
            }
            char c = name.charAt(i);
            boolean ok = isLowerAlnum(c) || c >= 'A' && c <= 'Z' || c == '.' || c == '_' || c == '+' || c == '-';
            if (!ok || i >= MAX_DEPENDENCY_NAME) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLowerAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
