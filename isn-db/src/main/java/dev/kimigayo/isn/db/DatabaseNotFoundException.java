package dev.kimigayo.isn.db;

import java.nio.file.Path;

/** No database exists at the path and the caller did not ask to create one. */
public final class DatabaseNotFoundException extends DatabaseException {

    /** There is no database at {@code file}. */
    public DatabaseNotFoundException(Path file) {
        super(file, "no package database at " + file
                + "; create one with --initdb, or check --root");
    }
}
