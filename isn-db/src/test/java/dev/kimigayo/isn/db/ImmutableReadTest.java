package dev.kimigayo.isn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallback for readers that cannot create the WAL index: reading the main file as
 * immutable ({@link UnprivilegedReaderTest} covers the permission failure that leads to it).
 */
class ImmutableReadTest {

    @TempDir
    Path dir;

    @Test
    void immutableConnectionReadsTheCheckpointedFileEvenWithUriCharactersInThePath() throws Exception {
        Path file = dir.resolve("we?ird#dir%41 x/isn.db");
        try (PackageDatabase db = PackageDatabase.open(file, Fixtures.create())) {
            db.apply(Fixtures.install(Fixtures.full("vim", "9.1-r0")));
        }
        assertFalse(Files.exists(file.resolveSibling("isn.db-wal")), "last writer checkpoints");
        try (Connection c = DatabaseOpener.openChecked(file, OpenOptions.readOnlyMode(),
                Schema.MIGRATIONS, true);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, version FROM packages")) {
            rs.next();
            assertEquals("vim 9.1-r0", rs.getString(1) + " " + rs.getString(2));
        }
        // It created nothing next to the database.
        assertFalse(Files.exists(file.resolveSibling("isn.db-shm")));
        assertFalse(Files.exists(file.resolveSibling("we")));
    }
}
