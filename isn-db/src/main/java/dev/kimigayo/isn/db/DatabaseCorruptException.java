package dev.kimigayo.isn.db;

import java.nio.file.Path;

/** The file is damaged, is not an SQLite database, or is an SQLite database that is not isn's. */
public final class DatabaseCorruptException extends DatabaseException {

    /** The database at {@code file} cannot be trusted as an isn package database. */
    public DatabaseCorruptException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }
}
