package dev.kimigayo.isn.core.version;

import java.util.Objects;

/** Parses apk's {@code [!]name[@tag][op version]} with errors that point at one character. */
final class ConstraintParser {

    private static final String OP_CHARS = "<>=~";

    private ConstraintParser() {
    }

    static Constraint parse(String text) throws ConstraintSyntaxException {
        Objects.requireNonNull(text, "text");
        int len = text.length();
        int i = 0;
        boolean conflict = len > 0 && text.charAt(0) == '!';
        if (conflict) {
            i = 1;
        }
        int nameStart = i;
        while (i < len && text.charAt(i) != '@' && OP_CHARS.indexOf(text.charAt(i)) < 0) {
            i++;
        }
        String name = text.substring(nameStart, i);
        if (name.isEmpty()) {
            throw new ConstraintSyntaxException(text, nameStart, "expected a package name");
        }
        int bad = PackageNames.dependencyNameProblem(name);
        if (bad >= 0) {
            throw new ConstraintSyntaxException(text, nameStart + bad, nameReason(name, bad));
        }
        String tag = null;
        if (i < len && text.charAt(i) == '@') {
            int tagStart = ++i;
            while (i < len && OP_CHARS.indexOf(text.charAt(i)) < 0) {
                char c = text.charAt(i);
                if (!(Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-')) {
                    throw new ConstraintSyntaxException(text, i, "unexpected '" + printable(c) + "' in repository tag");
                }
                i++;
            }
            if (i == tagStart) {
                throw new ConstraintSyntaxException(text, i, "expected a repository tag after '@'");
            }
            tag = text.substring(tagStart, i);
        }
        if (i == len) {
            return new Constraint(name, tag, null, null, conflict);
        }
        int opStart = i;
        while (i < len && OP_CHARS.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        String symbol = text.substring(opStart, i);
        Op op = Op.fromSymbol(symbol);
        if (op == null) {
            throw new ConstraintSyntaxException(text, opStart, "unknown operator '" + symbol + "'");
        }
        String version = text.substring(i);
        if (version.isEmpty()) {
            throw new ConstraintSyntaxException(text, i, "expected a version after '" + symbol + "'");
        }
        try {
            Version.parse(version);
        } catch (InvalidVersionException e) {
            throw new ConstraintSyntaxException(text, i + e.position(), "invalid version: " + e.reason());
        }
        return new Constraint(name, tag, op, version, conflict);
    }

    private static String nameReason(String name, int bad) {
        if (bad >= name.length()) {
            return "incomplete name '" + name + "'";
        }
        if (bad >= PackageNames.MAX_PACKAGE_NAME) {
            return "name too long (at most " + PackageNames.MAX_PACKAGE_NAME + " characters, "
                    + PackageNames.MAX_DEPENDENCY_NAME + " for prefix:name and /paths)";
        }
        return "unexpected '" + printable(name.charAt(bad)) + "' in name (package names are lower-case "
                + "[a-z0-9._+-]; also allowed: prefix:Name, .virtual, /absolute/path)";
    }

    private static String printable(char c) {
        return c < ' ' || c == 127 ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }
}
