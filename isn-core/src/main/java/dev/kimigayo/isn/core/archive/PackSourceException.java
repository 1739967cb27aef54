package dev.kimigayo.isn.core.archive;

import dev.kimigayo.isn.core.IsnException;

/** A directory given to {@code isn pack} cannot become a package; the message says which path and why. */
public final class PackSourceException extends IsnException {

    private final String path;

    /** {@code path} (a file in the source directory, or the directory itself) cannot be packed. */
    public PackSourceException(String path, String detail) {
        super(path + ": " + detail);
        this.path = path;
    }

    /** The offending file or directory. */
    public String path() {
        return path;
    }

    @Override
    public String code() {
        return "bad-package-source";
    }

    @Override
    public Kind kind() {
        return Kind.USAGE;
    }
}
