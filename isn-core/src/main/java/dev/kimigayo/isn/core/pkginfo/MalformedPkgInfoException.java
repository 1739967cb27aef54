package dev.kimigayo.isn.core.pkginfo;

import dev.kimigayo.isn.core.IsnException;

/**
 * A PKGINFO breaks the format (docs/format-pkginfo.md). Usage kind, because the usual author is
 * the person running {@code isn pack}; code reading a downloaded package wraps it as an
 * integrity failure.
 */
public final class MalformedPkgInfoException extends IsnException {

    private final String source;
    private final int line;
    private final String reason;

    MalformedPkgInfoException(String source, int line, String reason) {
        super((line > 0 ? source + ":" + line + ": " : source + ": ") + reason);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    /** Where the PKGINFO came from (a file path or a package name), as given to the reader. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole file (size, missing key). */
    public int line() {
        return line;
    }

    /** What is wrong, without the source and line. */
    public String reason() {
        return reason;
    }

    @Override
    public String code() {
        return "malformed-pkginfo";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
