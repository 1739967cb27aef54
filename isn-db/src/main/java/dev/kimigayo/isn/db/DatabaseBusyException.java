package dev.kimigayo.isn.db;

import java.nio.file.Path;

/** Another connection held a lock on the database for longer than the busy timeout. */
public final class DatabaseBusyException extends DatabaseException {

    /** The database at {@code file} stayed busy or locked beyond the timeout. */
    public DatabaseBusyException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }
}
