package dev.kimigayo.isn.core.session;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.config.ArchFile;
import dev.kimigayo.isn.core.config.WorldFile;
import dev.kimigayo.isn.core.lock.WriteLock;
import dev.kimigayo.isn.core.root.RootNotInitializedException;
import dev.kimigayo.isn.core.txn.Durability;
import dev.kimigayo.isn.core.txn.Recovery;
import dev.kimigayo.isn.db.DatabaseException;
import dev.kimigayo.isn.db.OpenOptions;
import dev.kimigayo.isn.db.PackageDatabase;

/**
 * An open root: the database and, for writers, the write lock, taken before anything is read and
 * followed by crash recovery, so every writer starts from a consistent state. Readers open the
 * database read-only and never wait for a writer.
 */
public final class Session implements AutoCloseable {

    private final EngineSettings settings;
    private final PackageDatabase db;
    private final WriteLock lock;
    private final DbJournal journal;

    private final java.nio.file.Path scratch;

    private Session(EngineSettings settings, PackageDatabase db, WriteLock lock) {
        this(settings, db, lock, null);
    }

    private Session(EngineSettings settings, PackageDatabase db, WriteLock lock, java.nio.file.Path scratch) {
        this.settings = settings;
        this.db = db;
        this.lock = lock;
        this.scratch = scratch;
        this.journal = lock == null ? null : new DbJournal(db, settings.clock(), settings.user());
    }

    /** Opens the root for changes: lock, database (created with {@code --initdb}), recovery. */
    public static Session openWriter(EngineSettings settings) throws IsnException {
        var layout = settings.layout();
        try {
            if (!layout.isInitialized()) {
                if (!settings.initdb()) {
                    throw new RootNotInitializedException(layout.root());
                }
                layout.initialize();
                adoptKeys(settings);
                // As apk's --initdb: the root remembers the architecture it was made for (--arch).
                if (!Files.exists(layout.configDir().resolve("arch"))) {
                    ArchFile.write(layout.configDir().resolve("arch"), settings.arch(), settings.durability());
                }
            }
            Files.createDirectories(layout.stateDir().resolve("scripts"));
        } catch (IOException e) {
            throw new FilesystemException("cannot create the isn layout under " + layout.root(), e);
        }
        WriteLock lock;
        try {
            lock = WriteLock.acquire(layout.lockFile(), settings.lockWait());
        } catch (IOException e) {
            throw new FilesystemException("cannot take the write lock " + layout.lockFile(), e);
        }
        try {
            OpenOptions options = OpenOptions.readWrite().withCreate(settings.initdb())
                    .withClock(settings.clock())
                    .withDurability(settings.durability() == Durability.SYNC
                            ? dev.kimigayo.isn.db.Durability.SYNC : dev.kimigayo.isn.db.Durability.NO_SYNC);
            Session s = new Session(settings, PackageDatabase.open(layout.databaseFile(), options), lock);
            s.recover();
            return s;
        } catch (DatabaseException e) {
            closeQuietly(lock);
            throw new DatabaseFailureException("cannot open " + layout.databaseFile(), e);
        } catch (IsnException | RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    /** A new root trusts the keys it was created with ({@code --initdb --keys-dir DIR}), like {@code -X} repositories. */
    private static void adoptKeys(EngineSettings settings) throws IOException {
        var target = settings.layout().keysDir();
        if (!Files.isDirectory(settings.keysDir()) || Files.isSameFile(settings.keysDir(), target)) {
            return;
        }
        try (var keys = Files.newDirectoryStream(settings.keysDir(), "*.{pub,asc,gpg}")) {
            for (var key : keys) {
                Files.copy(key, target.resolve(key.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * {@link #openReader} for a query that reads the repositories' indexes on the way: a query
     * answers about the root, so its listener does not hear of each index read (errors and
     * warnings still reach it).
     */
    public static Session openQuery(EngineSettings settings) throws IsnException {
        EngineListener quiet = e -> {
            if (!(e instanceof EngineEvent.IndexUpdated)) {
                settings.listener().on(e);
            }
        };
        return openReader(settings.withListener(quiet));
    }

    /** Opens the root for queries only: no lock, read-only database. */
    public static Session openReader(EngineSettings settings) throws IsnException {
        var layout = settings.layout();
        if (!Files.exists(layout.databaseFile())) {
            throw new RootNotInitializedException(layout.root());
        }
        try {
            return new Session(settings, PackageDatabase.open(layout.databaseFile(), OpenOptions.readOnlyMode()), null);
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot open " + layout.databaseFile(), e);
        }
    }

    /**
     * Opens the root for a dry run: the database read-only, no lock, no recovery. A root that does
     * not exist yet with {@code --initdb} is planned against an empty database made in the system's
     * temporary folder and deleted at close, so not even the layout is created.
     */
    public static Session openPlanner(EngineSettings settings) throws IsnException {
        var layout = settings.layout();
        if (Files.exists(layout.databaseFile()) || !settings.initdb()) {
            if (!Files.exists(layout.databaseFile())) {
                throw new RootNotInitializedException(layout.root());
            }
            try {
                return new Session(settings, PackageDatabase.openUntouched(layout.databaseFile()), null);
            } catch (DatabaseException e) {
                throw new DatabaseFailureException("cannot open " + layout.databaseFile(), e);
            }
        }
        return openEmpty(settings);
    }

    /**
     * A session over an empty database made in the system's temporary folder and deleted at close:
     * planning as on a new root ({@code --dry-run --initdb}, {@code isn lock}) without creating one.
     */
    public static Session openEmpty(EngineSettings settings) throws IsnException {
        java.nio.file.Path scratch = null;
        try {
            scratch = Files.createTempDirectory("isn-plan-");
            PackageDatabase db = PackageDatabase.open(scratch.resolve("isn.db"),
                    OpenOptions.readWrite().withCreate(true).withClock(settings.clock()));
            return new Session(settings, db, null, scratch);
        } catch (IOException e) {
            deleteScratch(scratch);
            throw new FilesystemException("cannot create a temporary database for planning", e);
        } catch (DatabaseException e) {
            deleteScratch(scratch);
            throw new DatabaseFailureException("cannot create a temporary database for planning", e);
        }
    }

    private static void deleteScratch(java.nio.file.Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (java.nio.file.Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A temporary folder the system cleans anyway.
        }
    }

    private void recover() throws IsnException {
        try {
            List<Recovery.Recovered> done = Recovery.run(settings.layout(), journal);
            for (Recovery.Recovered r : done) {
                settings.listener().on(new EngineEvent.Recovered(r.txn(), r.rolledForward()));
                if (r.rolledForward()) {
                    // The crash may have come before etc/isn/world caught up with the committed database.
                    WorldFile.write(settings.layout().worldFile(), db.world(), settings.durability());
                }
            }
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the world during recovery", e);
        } catch (IOException e) {
            throw new FilesystemException("cannot recover the interrupted transaction", e);
        }
    }

    /** The settings this session was opened with. */
    public EngineSettings settings() {
        return settings;
    }

    /** The package database. */
    public PackageDatabase db() {
        return db;
    }

    /** The journal (writers only). */
    public DbJournal journal() {
        return journal;
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (DatabaseException e) {
            // Nothing is pending at close: every change was committed or rolled back already.
        }
        closeQuietly(lock);
        deleteScratch(scratch);
    }

    private static void closeQuietly(WriteLock lock) {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                // The kernel releases the lock when the process exits anyway.
            }
        }
    }
}
