package dev.kimigayo.isn.core.txn;

import java.io.IOException;
import java.nio.file.FileSystemException;

import dev.kimigayo.isn.core.root.SymlinkInPathException;

/**
 * An I/O failure restated for the user: the path inside the root ({@code /usr/bin/vim}, not
 * the staging name under {@code --root}) and the operating system's reason, so messages can say
 * which file could not be written and why.
 */
public final class PathFailure extends FileSystemException {

    private final String path;
    private final String reason;

    private PathFailure(String path, String reason, IOException cause) {
        super("/" + path, null, reason);
        this.path = path;
        this.reason = reason;
        initCause(cause);
    }

    /** {@code cause} while changing {@code path} (relative to the root); kept as is when already one. */
    public static IOException at(String path, IOException cause) {
        if (cause instanceof PathFailure || cause instanceof SymlinkInPathException) {
            return cause;
        }
        String reason = cause instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return new PathFailure(path, reason, cause);
    }

    /** The path, relative to the root. */
    public String path() {
        return path;
    }

    /** The operating system's reason ({@code No space left on device}). */
    public String reason() {
        return reason;
    }
}
