package dev.kimigayo.isn.db;

import java.nio.file.Path;

/**
 * The database's schema version cannot be used by this code: newer than the code knows (written
 * by a newer isn), or older and the connection is read-only so it cannot be migrated.
 */
public final class SchemaVersionException extends DatabaseException {

    private final int found;
    private final int supported;

    /** The database at {@code file} has schema {@code found}; this code uses {@code supported}. */
    public SchemaVersionException(Path file, int found, int supported, String message) {
        super(file, message);
        this.found = found;
        this.supported = supported;
    }

    /** The schema version recorded in the database file. */
    public int found() {
        return found;
    }

    /** The schema version this code reads and writes. */
    public int supported() {
        return supported;
    }

    /** True when the database is newer than the code (upgrade isn); false when it is older. */
    public boolean tooNew() {
        return found > supported;
    }
}
