package dev.kimigayo.isn.db;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Translates SQLite's error codes into the {@link DatabaseException} family. */
final class SqlFailures {

    private SqlFailures() {
    }

    static DatabaseException translate(Path file, String doing, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : null;
        String name = code == null ? "" : code.name();
        if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
            return new DatabaseBusyException(file, "package database " + file
                    + " is busy (another isn process is using it) while " + doing
                    + "; retry, or raise the wait time", e);
        }
        if (name.startsWith("SQLITE_CORRUPT") || name.startsWith("SQLITE_NOTADB")) {
            return new DatabaseCorruptException(file, "package database " + file
                    + " is damaged or not a database (" + e.getMessage() + ") while " + doing
                    + "; restore it from a backup", e);
        }
        if (name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_PERM")) {
            return new DatabaseException(file, "cannot write package database " + file
                    + " while " + doing + " (" + e.getMessage() + "); changing the system needs"
                    + " write access to " + file.toAbsolutePath().getParent()
                    + ": run as root, or choose a root you own with --root", e);
        }
        if (name.startsWith("SQLITE_CANTOPEN")) {
            return new DatabaseException(file, "cannot open package database " + file
                    + " while " + doing + " (" + e.getMessage() + "); check that it is a"
                    + " readable file and that its directory exists", e);
        }
        if (name.startsWith("SQLITE_FULL") || name.startsWith("SQLITE_IOERR")) {
            return new DatabaseException(file, "package database " + file + " failed while "
                    + doing + " (" + e.getMessage() + "); check free space and the disk", e);
        }
        return new DatabaseException(file, "package database " + file + " failed while "
                + doing + ": " + e.getMessage(), e);
    }
}
