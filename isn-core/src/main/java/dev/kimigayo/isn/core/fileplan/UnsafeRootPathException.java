package dev.kimigayo.isn.core.fileplan;

import dev.kimigayo.isn.core.IsnException;

/**
 * Installing a path would go through something already in the root that isn must not follow or
 * replace: a symlink on the way (other than a usr-merge directory link), or an existing
 * directory where the package has a file (or the reverse).
 */
public final class UnsafeRootPathException extends IsnException {

    private final String pkg;
    private final String path;
    private final String reason;

    /** {@code pkg} cannot install {@code path} because of {@code reason}. */
    public UnsafeRootPathException(String pkg, String path, String reason) {
        super("refusing to install /" + path + " from " + pkg + ": " + reason + "; nothing was changed");
        this.pkg = pkg;
        this.path = path;
        this.reason = reason;
    }

    /** The package. */
    public String pkg() {
        return pkg;
    }

    /** The path, relative to the root. */
    public String path() {
        return path;
    }

    /** Why it is refused. */
    public String reason() {
        return reason;
    }

    @Override
    public String code() {
        return reason.startsWith("symlink") ? "symlink-in-path" : "file-type-clash";
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
