package dev.kimigayo.isn.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies every pending migration in one write transaction, so a database is always at exactly
 * one released schema version, whatever interrupts the upgrade.
 */
final class Migrator {

    private Migrator() {
    }

    static void migrate(Path file, Connection conn, List<Migration> migrations)
            throws SQLException, DatabaseException {
        try (Statement st = conn.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                // Another process may have migrated while this one waited for the write lock.
                int version = DatabaseOpener.intPragma(conn, "user_version");
                int latest = version;
                for (Migration m : migrations) {
                    if (m.version() <= version) {
                        continue;
                    }
                    if (m.version() != latest + 1) {
                        throw new IllegalStateException("migrations out of order at " + m.version());
                    }
                    for (String sql : m.statements()) {
                        st.execute(sql);
                    }
                    latest = m.version();
                }
                st.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
                st.execute("PRAGMA user_version = " + latest);
                st.execute("COMMIT");
                committed = true;
            } finally {
                if (!committed) {
                    rollbackQuietly(st);
                }
            }
        }
    }

    private static void rollbackQuietly(Statement st) {
        try {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite already rolled back (e.g. after a busy error); nothing more to undo.
        }
    }
}
