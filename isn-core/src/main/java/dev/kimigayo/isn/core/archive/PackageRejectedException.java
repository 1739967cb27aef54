package dev.kimigayo.isn.core.archive;

import dev.kimigayo.isn.core.IsnException;

/**
 * Base of every refusal of a package file: it is malformed, hostile, tampered with or untrusted.
 * Carries the package's name for messages ({@link #source()}) and the entry concerned, if any.
 */
public abstract class PackageRejectedException extends IsnException {

    private final String source;
    private final String path;

    protected PackageRejectedException(String source, String path, String detail) {
        super(source + ": " + (path == null ? "" : path + ": ") + detail);
        this.source = source;
        this.path = path;
    }

    protected PackageRejectedException(String source, String path, String detail, Throwable cause) {
        super(source + ": " + (path == null ? "" : path + ": ") + detail, cause);
        this.source = source;
        this.path = path;
    }

    /** The package file (or other origin) the refusal is about. */
    public String source() {
        return source;
    }

    /** The entry path concerned, or null when the refusal is about the whole package. */
    public String path() {
        return path;
    }

    @Override
    public Kind kind() {
        return Kind.INTEGRITY;
    }
}
