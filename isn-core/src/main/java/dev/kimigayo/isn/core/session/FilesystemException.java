package dev.kimigayo.isn.core.session;

import java.io.IOException;

import dev.kimigayo.isn.core.IsnException;

/** An I/O operation on the root failed (permissions, disk full, a vanished file). */
public final class FilesystemException extends IsnException {

    /** Wraps {@code cause}, saying what isn was doing. */
    public FilesystemException(String doing, IOException cause) {
        super(doing + ": " + describe(cause), cause);
    }

    private FilesystemException(IOException cause, String message) {
        super(message, cause);
    }

    /** A failure with a complete message (what, where, whether anything changed, what to do). */
    public static FilesystemException withMessage(String message, IOException cause) {
        return new FilesystemException(cause, message);
    }

    private static String describe(IOException e) {
        return dev.kimigayo.isn.core.IoMessages.describe(e);
    }

    @Override
    public String code() {
        return "io-error";
    }

    @Override
    public Kind kind() {
        return Kind.FAILED;
    }
}
