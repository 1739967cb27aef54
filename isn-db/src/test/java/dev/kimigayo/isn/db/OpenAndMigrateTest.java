package dev.kimigayo.isn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAndMigrateTest {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("var/lib/isn/isn.db");
    }

    @Test
    void createsMissingDatabaseWithParentsWalAndCurrentSchema() throws Exception {
        try (PackageDatabase db = PackageDatabase.open(db(), Fixtures.create())) {
            assertTrue(db.installedPackages().isEmpty());
        }
        assertTrue(Files.isRegularFile(db()));
        assertEquals("wal", pragmaText("journal_mode"));
        assertEquals(String.valueOf(PackageDatabase.schemaVersion()), pragmaText("user_version"));
        assertEquals(String.valueOf(0x69736e31), pragmaText("application_id"));
        assertEquals(List.of("files", "journal", "packages", "repositories", "script_failures",
                "sqlite_sequence", "transaction_changes", "transaction_plans", "transactions", "world"), tables());
    }

    @Test
    void refusesMissingDatabaseUnlessAskedToCreate() {
        DatabaseNotFoundException e = assertThrows(DatabaseNotFoundException.class,
                () -> PackageDatabase.open(db(), OpenOptions.readWrite()));
        assertEquals(db(), e.file());
        assertTrue(e.getMessage().contains("--initdb"), e.getMessage());
        assertThrows(DatabaseNotFoundException.class,
                () -> PackageDatabase.open(db(), OpenOptions.readOnlyMode()));
        assertFalse(Files.exists(db()));
    }

    @Test
    void connectionSettingsFollowTheOptions() throws Exception {
        Fixtures.fresh(dir).close();
        for (Durability d : Durability.values()) {
            try (PackageDatabase db = PackageDatabase.open(db(), OpenOptions.readWrite()
                    .withDurability(d).withBusyTimeout(java.time.Duration.ofMillis(1234)))) {
                Connection c = connection(db);
                assertEquals(d == Durability.SYNC ? 2 : 1, DatabaseOpener.intPragma(c, "synchronous"));
                assertEquals(1, DatabaseOpener.intPragma(c, "foreign_keys"));
                assertEquals(1234, DatabaseOpener.intPragma(c, "busy_timeout"));
            }
        }
    }

    @Test
    void refusesDatabaseNewerThanTheCode() throws Exception {
        Fixtures.fresh(dir).close();
        exec("PRAGMA user_version = 99");
        for (OpenOptions o : List.of(OpenOptions.readWrite(), OpenOptions.readOnlyMode())) {
            SchemaVersionException e = assertThrows(SchemaVersionException.class,
                    () -> PackageDatabase.open(db(), o));
            assertEquals(99, e.found());
            assertEquals(PackageDatabase.schemaVersion(), e.supported());
            assertTrue(e.tooNew());
            assertEquals("package database " + db() + " has schema version 99 but this isn"
                    + " supports up to " + PackageDatabase.schemaVersion()
                    + "; it was written by a newer isn: upgrade isn", e.getMessage());
        }
        assertEquals("99", pragmaText("user_version"));
    }

    @Test
    void migratesARealVersionOneDatabaseKeepingItsData() throws Exception {
        List<JournalEntry> journal = List.of(
                new JournalEntry(0, JournalAction.PLACE, "usr/bin/vim", "usr/bin/.isn-new.vim", null),
                new JournalEntry(1, JournalAction.REMOVE, "usr/bin/vi", null, "usr/bin/.isn-old.vi"));
        long txn;
        try (PackageDatabase db = PackageDatabase.open(db(), Fixtures.create(), List.of(Schema.V1))) {
            insertAsSchemaOneToFourDid();
            txn = db.beginTransaction("isn add vim", "root", Fixtures.T0, journal);
            // Version 1 knew only place and remove.
            assertThrows(DatabaseException.class, () -> db.beginTransaction("x", null, Fixtures.T0,
                    List.of(new JournalEntry(0, JournalAction.MKDIR, "etc", null, null))));
        }
        assertEquals("1", pragmaText("user_version"));
        try (PackageDatabase db = PackageDatabase.open(db(), OpenOptions.readWrite())) {
            assertEquals(Fixtures.full("vim", "9.1-r0"), db.installed("vim").orElseThrow());
            assertEquals(journal, db.unfinishedTransactions().get(0).journal());
            assertEquals(txn, db.unfinishedTransactions().get(0).id());
            List<JournalEntry> newer = List.of(
                    new JournalEntry(0, JournalAction.MKDIR, "etc/vim", null, null),
                    new JournalEntry(1, JournalAction.RMDIR, "usr/share/old", null, null),
                    new JournalEntry(2, JournalAction.SAVE, "etc/vimrc", null, "etc/vimrc.isn-save"));
            long next = db.beginTransaction("isn fix", "root", Fixtures.T0, newer);
            assertEquals(newer, db.transaction(next).orElseThrow().journal());
        }
        assertEquals(String.valueOf(PackageDatabase.schemaVersion()), pragmaText("user_version"));
        assertEquals("0", query("SELECT count(*) FROM pragma_foreign_key_check"));
    }

    @Test
    void migratesAVersionTwoDatabaseWhoseScriptFailuresHaveNoArguments() throws Exception {
        try (PackageDatabase db = PackageDatabase.open(db(), Fixtures.create(), List.of(Schema.V1, Schema.V2))) {
            insertAsSchemaOneToFourDid();
        }
        exec("INSERT INTO script_failures (package, script, version, txn_id, exit_code, message, recorded_at)"
                + " VALUES ('vim', 'post_upgrade', '9.1-r0', NULL, 3, NULL, 0)");
        assertEquals("2", pragmaText("user_version"));
        try (PackageDatabase db = PackageDatabase.open(db(), OpenOptions.readWrite())) {
            ScriptFailure old = db.scriptFailures().get(0);
            assertEquals(List.of(), old.args());
            assertEquals(List.of("9.1-r0"), old.rerunArgs(), "rerun as schema 2 did: the version alone");
            db.recordScriptFailure(new ScriptFailure("vim", "9.1-r0", "post_upgrade", null, 3, null,
                    Fixtures.T0, List.of("9.1-r0", "9.0-r0")));
            assertEquals(List.of("9.1-r0", "9.0-r0"), db.scriptFailures().get(0).args());
        }
        assertEquals(String.valueOf(PackageDatabase.schemaVersion()), pragmaText("user_version"));
        assertEquals("9.1-r0\n9.0-r0", query("SELECT args FROM script_failures"), "one argument a line");
    }

    @Test
    void migratesAVersionFourDatabaseWhosePackagesHaveNoFileHash() throws Exception {
        try (PackageDatabase db = PackageDatabase.open(db(), Fixtures.create(),
                List.of(Schema.V1, Schema.V2, Schema.V3, Schema.V4))) {
            insertAsSchemaOneToFourDid();
        }
        assertEquals("4", pragmaText("user_version"));
        String fileHash = "cd".repeat(32);
        try (PackageDatabase db = PackageDatabase.open(db(), OpenOptions.readWrite())) {
            InstalledPackage old = db.installed("vim").orElseThrow();
            assertEquals(Fixtures.full("vim", "9.1-r0"), old);
            assertEquals(null, old.fileSha256(), "installed before schema 5: the file hash is unknown");
            db.apply(Fixtures.install(Fixtures.full("nano", "8.0-r0").withFileSha256(fileHash)));
            assertEquals(fileHash, db.installed("nano").orElseThrow().fileSha256());
            assertEquals("ab".repeat(32), db.installed("nano").orElseThrow().sha256(), "the manifest hash stays apart");
        }
        assertEquals(String.valueOf(PackageDatabase.schemaVersion()), pragmaText("user_version"));
        assertEquals(fileHash, query("SELECT file_sha256 FROM packages WHERE name = 'nano'"));
        assertEquals(null, query("SELECT file_sha256 FROM packages WHERE name = 'vim'"));
    }

    @Test
    void migratesToTheNextVersionKeepingData() throws Exception {
        int current = PackageDatabase.schemaVersion();
        Migration next = new Migration(current + 1, "test: add a column", List.of(
                "ALTER TABLE packages ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0"));
        try (PackageDatabase db = PackageDatabase.open(db(), Fixtures.create())) {
            db.apply(Fixtures.install(Fixtures.full("vim", "9.1-r0")));
        }
        List<Migration> both = new ArrayList<>(Schema.MIGRATIONS);
        both.add(next);
        try (PackageDatabase db = PackageDatabase.open(db(), OpenOptions.readWrite(), both)) {
            assertEquals(Fixtures.full("vim", "9.1-r0"), db.installed("vim").orElseThrow());
        }
        assertEquals(String.valueOf(current + 1), pragmaText("user_version"));
        assertEquals("0", query("SELECT pinned FROM packages WHERE name = 'vim'"));
        // The released code now refuses the file: it is newer than the code.
        assertThrows(SchemaVersionException.class,
                () -> PackageDatabase.open(db(), OpenOptions.readWrite()));
    }

    @Test
    void failedMigrationLeavesTheOldVersionIntact() throws Exception {
        Fixtures.fresh(dir).close();
        List<Migration> broken = new ArrayList<>(Schema.MIGRATIONS);
        broken.add(new Migration(PackageDatabase.schemaVersion() + 1, "half good", List.of(
                "CREATE TABLE extra (x INTEGER)", "THIS IS NOT SQL")));
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> PackageDatabase.open(db(), OpenOptions.readWrite(), broken));
        assertTrue(e.getMessage().contains("opening it"), e.getMessage());
        assertEquals(String.valueOf(PackageDatabase.schemaVersion()), pragmaText("user_version"));
        assertFalse(tables().contains("extra"));
    }

    @Test
    void readOnlyOpenRefusesToMigrate() throws Exception {
        Fixtures.fresh(dir).close();
        List<Migration> both = new ArrayList<>(Schema.MIGRATIONS);
        both.add(new Migration(PackageDatabase.schemaVersion() + 1, "x",
                List.of("CREATE TABLE extra (x INTEGER)")));
        SchemaVersionException e = assertThrows(SchemaVersionException.class,
                () -> PackageDatabase.open(db(), OpenOptions.readOnlyMode(), both));
        assertFalse(e.tooNew());
        assertEquals(String.valueOf(PackageDatabase.schemaVersion()), pragmaText("user_version"));
    }

    @Test
    void refusesForeignSqliteDatabaseAndGarbage() throws Exception {
        Files.createDirectories(db().getParent());
        exec("CREATE TABLE notes (x TEXT)");
        DatabaseCorruptException e = assertThrows(DatabaseCorruptException.class,
                () -> PackageDatabase.open(db(), OpenOptions.readWrite()));
        assertTrue(e.getMessage().contains("not an isn package database"), e.getMessage());

        Path garbage = dir.resolve("garbage.db");
        Files.write(garbage, "this is not an SQLite database at all, just text...".repeat(100)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThrows(DatabaseCorruptException.class,
                () -> PackageDatabase.open(garbage, OpenOptions.readWrite()));
    }

    @Test
    void readOnlyConnectionRefusesWrites() throws Exception {
        Fixtures.fresh(dir).close();
        try (PackageDatabase db = PackageDatabase.open(db(), OpenOptions.readOnlyMode())) {
            DatabaseException e = assertThrows(DatabaseException.class,
                    () -> db.apply(Fixtures.install(Fixtures.minimal("a", "1"))));
            assertTrue(e.getMessage().contains("opened read-only"), e.getMessage());
        }
    }

    static Connection connection(PackageDatabase db) throws Exception {
        var f = PackageDatabase.class.getDeclaredField("conn");
        f.setAccessible(true);
        return (Connection) f.get(db);
    }

    /** The row of {@code Fixtures.full("vim", "9.1-r0")} as schemas 1 to 4 stored it (no file_sha256 yet). */
    private void insertAsSchemaOneToFourDid() throws SQLException {
        exec("INSERT INTO packages (name, version, arch, description, url, license, origin, maintainer, build_date,"
                + " size, sha256, provider_priority, depends, provides, install_if, replaces, config, reason,"
                + " repository, tag, installed_at) VALUES ('vim', '9.1-r0', 'x86_64', 'The vim package',"
                + " 'https://example.org/vim', 'MIT AND BSD-2-Clause', 'vim-src', 'Jane Doe <jane@example.org>',"
                + " 1767225600, 123456, '" + "ab".repeat(32) + "', 10,"
                + " 'musl>=1.2' || char(10) || 'so:libc.musl-x86_64.so.1' || char(10) || '!old-vim',"
                + " 'cmd:vim=9.1-r0' || char(10) || 'virt-vim', 'vim-base' || char(10) || 'doc', 'old-vim',"
                + " 'etc/vim.conf', 'explicit', 'https://repo.example.org/main', 'edge', "
                + Fixtures.T0.toEpochMilli() + ")");
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private String pragmaText(String name) throws SQLException {
        return query("PRAGMA " + name);
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
