package dev.kimigayo.isn.core.session;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.db.DatabaseException;
import dev.kimigayo.isn.db.SchemaVersionException;

/** The package database could not be read or written. */
public final class DatabaseFailureException extends IsnException {

    /** Wraps {@code cause}, saying what isn was doing. */
    public DatabaseFailureException(String doing, DatabaseException cause) {
        super(doing + ": " + cause.getMessage() + (cause instanceof SchemaVersionException s && s.tooNew()
                ? "; upgrade isn to use this database" : ""), cause);
    }

    @Override
    public String code() {
        return "database";
    }

    @Override
    public Kind kind() {
        return Kind.FAILED;
    }
}
