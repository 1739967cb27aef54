package dev.kimigayo.isn.core.fileplan;

import dev.kimigayo.isn.core.IsnException;

/** A package would overwrite a path that another installed or incoming package owns, without {@code replaces}. */
public final class FileConflictException extends IsnException {

    private final String path;
    private final String pkg;
    private final String owner;

    /** {@code pkg} wants {@code path}, which {@code owner} owns. */
    public FileConflictException(String path, String pkg, String owner) {
        super(pkg + " would overwrite /" + path + ", which belongs to " + owner
                + "; nothing was changed. Remove " + owner + " first, or ask the packager of " + pkg
                + " to declare 'replaces = " + owner + "'");
        this.path = path;
        this.pkg = pkg;
        this.owner = owner;
    }

    /** The contested path, relative to the root. */
    public String path() {
        return path;
    }

    /** The package that wants the path. */
    public String pkg() {
        return pkg;
    }

    /** The package that owns it. */
    public String owner() {
        return owner;
    }

    @Override
    public String code() {
        return "file-conflict";
    }

    @Override
    public Kind kind() {
        return Kind.CONFLICT;
    }
}
