package dev.kimigayo.isn.core.fileplan;

import dev.kimigayo.isn.core.IsnException;

/** A package path is too long for the filesystem (NAME_MAX, PATH_MAX), found before anything changed. */
public final class PathTooLongException extends IsnException {

    private final String pkg;
    private final String path;

    /** {@code pkg} cannot install {@code path}, for {@code reason}. */
    public PathTooLongException(String pkg, String path, String reason) {
        super("refusing to install /" + shorten(path) + " from " + pkg + ": " + reason
                + "; nothing was changed");
        this.pkg = pkg;
        this.path = path;
    }

    /** Long paths are the subject here: show their start and end, not 5,000 bytes. */
    private static String shorten(String path) {
        return path.length() <= 160 ? path : path.substring(0, 100) + "…" + path.substring(path.length() - 50)
                + " (" + path.length() + " characters)";
    }

    /** The package. */
    public String pkg() {
        return pkg;
    }

    /** The path, relative to the root. */
    public String path() {
        return path;
    }

    @Override
    public String code() {
        return "path-too-long";
    }

    @Override
    public Kind kind() {
        return Kind.INTEGRITY;
    }
}
