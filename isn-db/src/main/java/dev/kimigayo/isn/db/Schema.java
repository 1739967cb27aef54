package dev.kimigayo.isn.db;

import java.util.List;

/** The ordered migrations of the isn schema; the last one's version is the current schema. */
final class Schema {

    /** {@code PRAGMA application_id}: "isn1" in ASCII, marks the file as an isn database. */
    static final int APPLICATION_ID = 0x69736e31;

    static final Migration V1 = new Migration(1, "initial schema", List.of(
            """
            CREATE TABLE packages (
              id INTEGER PRIMARY KEY,
              name TEXT NOT NULL UNIQUE,
              version TEXT NOT NULL,
              arch TEXT NOT NULL,
              description TEXT,
              url TEXT,
              license TEXT,
              origin TEXT,
              maintainer TEXT,
              build_date INTEGER,
              size INTEGER NOT NULL DEFAULT 0,
              sha256 TEXT,
              provider_priority INTEGER NOT NULL DEFAULT 0,
              depends TEXT NOT NULL DEFAULT '',
              provides TEXT NOT NULL DEFAULT '',
              install_if TEXT NOT NULL DEFAULT '',
              replaces TEXT NOT NULL DEFAULT '',
              config TEXT NOT NULL DEFAULT '',
              reason TEXT NOT NULL CHECK (reason IN ('explicit', 'dependency')),
              repository TEXT,
              tag TEXT,
              installed_at INTEGER NOT NULL
            ) STRICT""",
            """
            CREATE TABLE files (
              path TEXT NOT NULL,
              package_id INTEGER NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
              type TEXT NOT NULL CHECK (type IN ('file', 'dir', 'symlink', 'hardlink')),
              mode INTEGER NOT NULL,
              uid INTEGER NOT NULL,
              gid INTEGER NOT NULL,
              size INTEGER NOT NULL DEFAULT 0,
              sha256 TEXT,
              link_target TEXT,
              config INTEGER NOT NULL DEFAULT 0 CHECK (config IN (0, 1)),
              PRIMARY KEY (path, package_id)
            ) STRICT, WITHOUT ROWID""",
            "CREATE UNIQUE INDEX files_single_owner ON files(path) WHERE type <> 'dir'",
            "CREATE INDEX files_by_package ON files(package_id)",
            """
            CREATE TABLE world (
              position INTEGER PRIMARY KEY,
              entry TEXT NOT NULL UNIQUE
            ) STRICT""",
            """
            CREATE TABLE repositories (
              url TEXT PRIMARY KEY,
              serial INTEGER NOT NULL,
              etag TEXT,
              last_modified TEXT,
              fetched_at INTEGER NOT NULL,
              expires_at INTEGER
            ) STRICT""",
            """
            CREATE TABLE transactions (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              state TEXT NOT NULL
                CHECK (state IN ('pending', 'committed', 'done', 'rolled_back')),
              command TEXT NOT NULL,
              user TEXT,
              started_at INTEGER NOT NULL,
              committed_at INTEGER,
              ended_at INTEGER
            ) STRICT""",
            "CREATE INDEX transactions_unfinished ON transactions(state)"
                    + " WHERE state IN ('pending', 'committed')",
            """
            CREATE TABLE transaction_changes (
              txn_id INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
              seq INTEGER NOT NULL,
              action TEXT NOT NULL
                CHECK (action IN ('install', 'upgrade', 'downgrade', 'reinstall', 'remove')),
              name TEXT NOT NULL,
              old_version TEXT,
              new_version TEXT,
              PRIMARY KEY (txn_id, seq)
            ) STRICT, WITHOUT ROWID""",
            """
            CREATE TABLE journal (
              txn_id INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
              seq INTEGER NOT NULL,
              action TEXT NOT NULL CHECK (action IN ('place', 'remove')),
              path TEXT NOT NULL,
              temp_path TEXT,
              backup_path TEXT,
              PRIMARY KEY (txn_id, seq)
            ) STRICT, WITHOUT ROWID""",
            """
            CREATE TABLE script_failures (
              package TEXT NOT NULL,
              script TEXT NOT NULL,
              version TEXT NOT NULL,
              txn_id INTEGER REFERENCES transactions(id) ON DELETE SET NULL,
              exit_code INTEGER NOT NULL,
              message TEXT,
              recorded_at INTEGER NOT NULL,
              PRIMARY KEY (package, script)
            ) STRICT"""));

    /**
     * The journal learns the engine's directory and config-save steps. SQLite cannot alter a
     * CHECK constraint, so the table is rebuilt; it only references {@code transactions}, so
     * dropping the old copy triggers no foreign-key action.
     */
    static final Migration V2 = new Migration(2, "journal actions mkdir, rmdir, save", List.of(
            """
            CREATE TABLE journal_v2 (
              txn_id INTEGER NOT NULL REFERENCES transactions(id) ON DELETE CASCADE,
              seq INTEGER NOT NULL,
              action TEXT NOT NULL
                CHECK (action IN ('place', 'remove', 'mkdir', 'rmdir', 'save')),
              path TEXT NOT NULL,
              temp_path TEXT,
              backup_path TEXT,
              PRIMARY KEY (txn_id, seq)
            ) STRICT, WITHOUT ROWID""",
            "INSERT INTO journal_v2 (txn_id, seq, action, path, temp_path, backup_path)"
                    + " SELECT txn_id, seq, action, path, temp_path, backup_path FROM journal",
            "DROP TABLE journal",
            "ALTER TABLE journal_v2 RENAME TO journal"));

    /**
     * A failed script remembers the arguments it was called with ({@code post_upgrade NEW OLD}),
     * so {@code isn fix} reruns it exactly; rows of older databases have none (null) and are rerun
     * with their version alone, as before.
     */
    static final Migration V3 = new Migration(3, "script_failures.args", List.of(
            "ALTER TABLE script_failures ADD COLUMN args TEXT"));

    /**
     * Every committed transaction keeps what it was asked and planned, for {@code isn history}
     * and {@code isn undo}; transactions committed before this version have no row.
     */
    static final Migration V4 = new Migration(4, "transaction_plans", List.of(
            """
            CREATE TABLE transaction_plans (
              txn_id INTEGER PRIMARY KEY REFERENCES transactions(id) ON DELETE CASCADE,
              request TEXT NOT NULL,
              world_before TEXT NOT NULL,
              world_after TEXT NOT NULL,
              installed_before TEXT NOT NULL,
              steps TEXT NOT NULL
            ) STRICT"""));

    /**
     * Each installed package remembers the SHA-256 of the package file it came from (the value the
     * signed index or the local file gave), for {@code isn sbom}; {@code sha256} is the manifest's.
     * Rows installed before this version have NULL: an SBOM shows their file hash as absent.
     */
    static final Migration V5 = new Migration(5, "packages.file_sha256", List.of(
            "ALTER TABLE packages ADD COLUMN file_sha256 TEXT"));

    /** Every migration, in order; append only. */
    static final List<Migration> MIGRATIONS = List.of(V1, V2, V3, V4, V5);

    private Schema() {
    }

    /** The schema version this code reads and writes. */
    static int currentVersion() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }
}
