package dev.kimigayo.isn.core.root;

import java.nio.file.FileSystemException;

/**
 * A path isn was about to change has a symlink among its ancestors (other than a usr-merge
 * directory link): following it could reach outside the root, so isn does not.
 */
public final class SymlinkInPathException extends FileSystemException {

    private final String path;
    private final String link;
    private final String target;

    /** {@code path} (relative to the root) lies below {@code link}, a symlink to {@code target}. */
    public SymlinkInPathException(String path, String link, String target) {
        super("/" + path, null, "/" + link + " is a symlink (to " + target
                + "); isn never follows a symlink in the path of a file it changes");
        this.path = path;
        this.link = link;
        this.target = target;
    }

    /** The path that was to change, relative to the root. */
    public String path() {
        return path;
    }

    /** The symlink on the way, relative to the root. */
    public String link() {
        return link;
    }

    /** Where the symlink points. */
    public String target() {
        return target;
    }
}
