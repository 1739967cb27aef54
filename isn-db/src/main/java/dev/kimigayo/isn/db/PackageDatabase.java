package dev.kimigayo.isn.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The installed-package database of one root ({@code var/lib/isn/isn.db}): queries, atomic
 * batches of changes and the crash-recovery journal. One instance wraps one SQLite connection and
 * is not thread-safe; open one per thread. See docs/database.md.
 */
public final class PackageDatabase implements AutoCloseable {

    private final Path file;
    private final OpenOptions options;
    private final Connection conn;
    private final Queries queries;

    private PackageDatabase(Path file, OpenOptions options, Connection conn) {
        this.file = file;
        this.options = options;
        this.conn = conn;
        this.queries = new Queries(conn);
    }

    /** Opens (and, when writable, migrates) the database at {@code file}. */
    public static PackageDatabase open(Path file, OpenOptions options) throws DatabaseException {
        return open(file, options, Schema.MIGRATIONS);
    }

    /**
     * Opens {@code file} read-only without creating or touching any file beside it (no WAL index),
     * for a dry run that must leave the root exactly as it was. Falls back to an ordinary read-only
     * open while a writer's write-ahead log exists, since only then can the main file be stale.
     */
    public static PackageDatabase openUntouched(Path file) throws DatabaseException {
        OpenOptions options = OpenOptions.readOnlyMode();
        if (java.nio.file.Files.exists(file.resolveSibling(file.getFileName() + "-wal"))) {
            return open(file, options);
        }
        if (!java.nio.file.Files.exists(file)) {
            throw new DatabaseNotFoundException(file);
        }
        try {
            return new PackageDatabase(file, options,
                    DatabaseOpener.openChecked(file, options, Schema.MIGRATIONS, true));
        } catch (java.sql.SQLException e) {
            throw SqlFailures.translate(file, "opening it read-only", e);
        }
    }

    static PackageDatabase open(Path file, OpenOptions options, List<Migration> migrations)
            throws DatabaseException {
        return new PackageDatabase(file, options, DatabaseOpener.open(file, options, migrations));
    }

    /** The schema version this code reads and writes. */
    public static int schemaVersion() {
        return Schema.currentVersion();
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    // ---- packages and files ------------------------------------------------------------

    /** The installed package of that name, if any. */
    public Optional<InstalledPackage> installed(String name) throws DatabaseException {
        return read("reading package " + name, c -> queries.packageNamed(name));
    }

    /** Every installed package, ordered by name. */
    public List<InstalledPackage> installedPackages() throws DatabaseException {
        return read("listing packages", c -> queries.allPackages());
    }

    /**
     * Installed packages whose name or description matches {@code pattern}, ordered by name: a
     * case-insensitive shell glob ({@code *}, {@code ?}); without wildcards, a substring.
     */
    public List<InstalledPackage> search(String pattern) throws DatabaseException {
        return read("searching " + pattern, c -> queries.search(pattern));
    }

    /** The paths of an installed package, ordered by path; empty when not installed. */
    public List<InstalledFile> filesOf(String name) throws DatabaseException {
        return read("listing files of " + name, c -> queries.filesOf(name));
    }

    /** The packages owning {@code path} (relative to the root), ordered by name; several for a shared directory. */
    public List<String> ownersOf(String path) throws DatabaseException {
        return read("finding the owner of " + path, c -> queries.ownersOf(path));
    }

    /** For each of {@code paths} that is installed, its rows with their owners (for conflict checks). */
    public Map<String, List<OwnedFile>> findPaths(Collection<String> paths) throws DatabaseException {
        return read("looking up paths", c -> queries.findPaths(paths));
    }

    /** The world: the user's constraint strings, in order. */
    public List<String> world() throws DatabaseException {
        return read("reading the world", c -> queries.world());
    }

    // ---- repositories --------------------------------------------------------------------

    /** What was last accepted from the repository at {@code url}, if anything. */
    public Optional<RepositoryState> repositoryState(String url) throws DatabaseException {
        return read("reading repository " + url, c -> queries.repository(url));
    }

    /** Every recorded repository state, ordered by URL. */
    public List<RepositoryState> repositoryStates() throws DatabaseException {
        return read("reading repositories", c -> queries.repositories());
    }

    // ---- writes --------------------------------------------------------------------------

    /** Applies a batch of changes atomically outside any filesystem transaction (e.g. {@code isn update}). */
    public void apply(DatabaseChanges changes) throws DatabaseException {
        write("applying changes", c -> {
            new ChangeApplier(file, c).apply(changes);
            return null;
        });
    }

    /** Records a repository state on its own (shorthand for a one-item {@link #apply}). */
    public void recordRepositoryState(RepositoryState state) throws DatabaseException {
        apply(DatabaseChanges.builder().repository(state).build());
    }

    // ---- filesystem transactions and the journal ----------------------------------------

    /**
     * Records a new {@code pending} transaction and its journal in one SQLite transaction; call it
     * before touching the root. Returns the transaction id.
     */
    public long beginTransaction(String command, String user, Instant startedAt,
                                 List<JournalEntry> journal) throws DatabaseException {
        return write("recording the journal",
                c -> TransactionRows.begin(c, command, user, startedAt, journal));
    }

    /**
     * Applies all package, file, world and repository changes and flips the transaction from
     * {@code pending} to {@code committed}, in one SQLite transaction: all or nothing.
     */
    public void commit(long txnId, DatabaseChanges changes) throws DatabaseException {
        write("committing transaction " + txnId, c -> {
            new ChangeApplier(file, c).apply(changes);
            TransactionRows.insertChanges(c, txnId, changes.history());
            if (changes.plan().isPresent()) {
                TransactionPlanRows.insert(c, txnId, changes.plan().get());
            }
            TransactionRows.transition(file, c, txnId, TransactionState.PENDING,
                    TransactionState.COMMITTED, "committed_at", options.clock().instant());
            return null;
        });
    }

    /** Marks a committed transaction {@code done} after cleanup, deleting its journal. */
    public void markDone(long txnId) throws DatabaseException {
        finish(txnId, TransactionState.COMMITTED, TransactionState.DONE);
    }

    /** Marks a pending transaction {@code rolled_back} after its renames were undone, deleting its journal. */
    public void markRolledBack(long txnId) throws DatabaseException {
        finish(txnId, TransactionState.PENDING, TransactionState.ROLLED_BACK);
    }

    private void finish(long txnId, TransactionState from, TransactionState to)
            throws DatabaseException {
        write("finishing transaction " + txnId, c -> {
            TransactionRows.transition(file, c, txnId, from, to, "ended_at", options.clock().instant());
            TransactionRows.deleteJournal(c, txnId);
            return null;
        });
    }

    /** Transactions still {@code pending} or {@code committed}, oldest first, with their journals. */
    public List<TransactionRecord> unfinishedTransactions() throws DatabaseException {
        return read("reading unfinished transactions", c -> TransactionRows.query(c,
                " WHERE state IN ('pending', 'committed') ORDER BY id", true));
    }

    /** The most recent transactions, newest first, with their changes. */
    public List<TransactionRecord> history(int limit) throws DatabaseException {
        return read("reading the history", c -> TransactionRows.query(c,
                " ORDER BY id DESC LIMIT " + Math.max(0, limit), true));
    }

    /** What transaction {@code txnId} was asked and planned; empty for one committed before schema version 4. */
    public Optional<TransactionPlan> transactionPlan(long txnId) throws DatabaseException {
        return read("reading the plan of transaction " + txnId, c -> TransactionPlanRows.find(c, txnId));
    }

    /** One transaction with its changes and journal, if it exists. */
    public Optional<TransactionRecord> transaction(long txnId) throws DatabaseException {
        return read("reading transaction " + txnId, c -> TransactionRows.find(c, txnId, true));
    }

    // ---- failed post_* scripts (for isn fix) ---------------------------------------------

    /** Records a failed {@code post_*} script, replacing an earlier failure of the same package and script. */
    public void recordScriptFailure(ScriptFailure failure) throws DatabaseException {
        write("recording a failed script", c -> {
            ScriptFailureRows.upsert(c, failure);
            return null;
        });
    }

    /** Forgets a failed script (it was rerun successfully, or no longer applies); true if one was recorded. */
    public boolean clearScriptFailure(String packageName, String script) throws DatabaseException {
        return write("clearing a failed script",
                c -> ScriptFailureRows.delete(c, packageName, script));
    }

    /** Every recorded failed script, ordered by package and script. */
    public List<ScriptFailure> scriptFailures() throws DatabaseException {
        return read("reading failed scripts", ScriptFailureRows::all);
    }

    // ---- maintenance ----------------------------------------------------------------------

    /**
     * Checks the file's structure ({@code PRAGMA quick_check}) and its references
     * ({@code PRAGMA foreign_key_check}); returns one line per problem, empty when sound.
     */
    public List<String> integrityProblems() throws DatabaseException {
        return read("checking its integrity", IntegrityCheck::problems);
    }

    // ---- plumbing ------------------------------------------------------------------------

    /** Closes the connection; the last writer's close checkpoints and removes the WAL file. */
    @Override
    public void close() throws DatabaseException {
        try {
            conn.close();
        } catch (SQLException e) {
            throw SqlFailures.translate(file, "closing it", e);
        }
    }

    /** Runs read work in one read transaction, so multi-query answers are consistent. */
    private <T> T read(String doing, SqlWork<T> work) throws DatabaseException {
        return inTransaction("BEGIN", doing, work);
    }

    private <T> T write(String doing, SqlWork<T> work) throws DatabaseException {
        if (options.readOnly()) {
            throw new DatabaseException(file, "package database " + file
                    + " was opened read-only; cannot " + doing);
        }
        // IMMEDIATE takes the write lock up front, so waiting happens in the busy handler
        // instead of failing later with SQLITE_BUSY_SNAPSHOT.
        return inTransaction("BEGIN IMMEDIATE", doing, work);
    }

    private <T> T inTransaction(String begin, String doing, SqlWork<T> work) throws DatabaseException {
        try (Statement st = conn.createStatement()) {
            st.execute(begin);
            boolean committed = false;
            try {
                T result = work.run(conn);
                st.execute("COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly(st);
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.translate(file, doing, e);
        }
    }

    private static void rollbackQuietly(Statement st) {
        try {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite already rolled back (busy, full); the original failure is reported.
        }
    }
}
