package dev.kimigayo.isn.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/** Opens a connection with isn's settings, then checks and migrates the schema. */
final class DatabaseOpener {

    private DatabaseOpener() {
    }

    static Connection open(Path file, OpenOptions options, List<Migration> migrations)
            throws DatabaseException {
        if (!Files.exists(file)) {
            if (!options.create()) {
                throw new DatabaseNotFoundException(file);
            }
            createParent(file);
        }
        try {
            return openChecked(file, options, migrations, false);
        } catch (SQLException e) {
            if (options.readOnly() && cannotShareWal(e)) {
                try {
                    return openChecked(file, options, migrations, true);
                } catch (SQLException again) {
                    throw SqlFailures.translate(file, "opening it read-only", again);
                }
            }
            throw SqlFailures.translate(file, "opening it", e);
        }
    }

    static Connection openChecked(Path file, OpenOptions options,
                                          List<Migration> migrations, boolean immutable)
            throws SQLException, DatabaseException {
        Connection conn = connect(file, options, immutable);
        try {
            if (!options.readOnly()) {
                pragma(conn, "PRAGMA journal_mode = WAL");
            }
            checkAndMigrate(file, conn, options, migrations);
            return conn;
        } catch (SQLException | DatabaseException | RuntimeException e) {
            closeQuietly(conn);
            throw e;
        }
    }

    /**
     * A reader without write access to the database's directory cannot create the WAL index
     * ({@code -shm}) that WAL readers share; SQLite then refuses even a read-only open.
     */
    private static boolean cannotShareWal(SQLException e) {
        String code = e instanceof SQLiteException s && s.getResultCode() != null
                ? s.getResultCode().name() : "";
        return code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN");
    }

    /**
     * Connects with isn's settings. {@code immutable} reads the main file without locks or WAL:
     * the fallback for unprivileged readers, exact whenever no write is in progress (the last
     * writer checkpoints and removes the WAL when it closes).
     */
    private static Connection connect(Path file, OpenOptions options, boolean immutable)
            throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(options.readOnly());
        config.setBusyTimeout((int) options.busyTimeout().toMillis());
        config.enforceForeignKeys(true);
        config.setSynchronous(options.durability() == Durability.SYNC
                ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        String path = file.toAbsolutePath().toString();
        String url = immutable
                ? "jdbc:sqlite:file:" + path.replace("%", "%25").replace("?", "%3f")
                        .replace("#", "%23") + "?immutable=1"
                : "jdbc:sqlite:" + path;
        if (immutable) {
            config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        }
        return config.createConnection(url);
    }

    private static void checkAndMigrate(Path file, Connection conn, OpenOptions options,
                                        List<Migration> migrations)
            throws SQLException, DatabaseException {
        int latest = migrations.get(migrations.size() - 1).version();
        int version = intPragma(conn, "user_version");
        int appId = intPragma(conn, "application_id");
        if (appId != Schema.APPLICATION_ID && (appId != 0 || version != 0 || hasTables(conn))) {
            throw new DatabaseCorruptException(file, file + " is an SQLite database but not an"
                    + " isn package database (application_id " + appId + ")", null);
        }
        if (version > latest) {
            throw new SchemaVersionException(file, version, latest, "package database " + file
                    + " has schema version " + version + " but this isn supports up to " + latest
                    + "; it was written by a newer isn: upgrade isn");
        }
        if (version == latest) {
            return;
        }
        if (options.readOnly()) {
            throw new SchemaVersionException(file, version, latest, "package database " + file
                    + " has schema version " + version + " and needs migrating to " + latest
                    + "; run any isn command that changes the system (e.g. isn update) first");
        }
        Migrator.migrate(file, conn, migrations);
    }

    static int intPragma(Connection conn, String name) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasTables(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static void pragma(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    private static void createParent(Path file) throws DatabaseException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new DatabaseException(file, "cannot create directory " + parent
                    + " for the package database: " + e, e);
        }
    }

    static void closeQuietly(Connection conn) {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // Already failing; the original error is the one worth reporting.
        }
    }
}
