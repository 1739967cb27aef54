package dev.kimigayo.isn.db;

import java.nio.file.Path;

/**
 * Base of every failure of the package database; subclasses name the conditions a caller may
 * want to handle differently (busy, schema too new, corrupt, missing).
 */
public class DatabaseException extends Exception {

    private final Path file;

    /** A failure on the database at {@code file} (may be null when not tied to a file). */
    public DatabaseException(Path file, String message) {
        super(message);
        this.file = file;
    }

    /** A failure on the database at {@code file} caused by {@code cause}. */
    public DatabaseException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The database file concerned, or null. */
    public Path file() {
        return file;
    }
}
