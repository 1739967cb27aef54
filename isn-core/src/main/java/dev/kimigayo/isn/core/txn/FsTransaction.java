package dev.kimigayo.isn.core.txn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.kimigayo.isn.core.root.RootGuard;
import dev.kimigayo.isn.core.root.RootLayout;

/**
 * The filesystem half of a transaction: journal the intent, create directories, let the caller
 * stage files under temporary names, rename everything into place, and after the caller's
 * database commit, clean up. {@link Recovery} finishes or undoes one a crash interrupted.
 */
public final class FsTransaction {

    private final RootLayout root;
    private final RootGuard guard;
    private final Journal journal;
    private final Durability durability;
    private final StepListener steps;
    private final String txn;
    private final List<JournalEntry> entries;

    private FsTransaction(RootLayout root, Journal journal, Durability durability, StepListener steps,
            String txn, List<JournalEntry> entries) {
        this.root = root;
        this.guard = new RootGuard(root.root());
        this.journal = journal;
        this.durability = durability;
        this.steps = steps;
        this.txn = txn;
        this.entries = entries;
    }

    /** Records the change set in the journal (durably), then creates its new directories. */
    public static FsTransaction begin(RootLayout root, Journal journal, Durability durability,
            StepListener steps, String command, ChangeSetBuilder changes) throws IOException {
        FsTransaction t = new FsTransaction(root, journal, durability, steps, changes.txn(), changes.entries());
        journal.begin(t.txn, command, t.entries);
        // Only new directories are made here, parents first: a directory found real stays real.
        RootGuard creating = RootGuard.caching(root.root());
        try {
            steps.reached("journal");
            for (JournalEntry e : t.entries) {
                if (e.action() == JournalEntry.Action.MKDIR) {
                    Path dir = creating.resolve(e.path());
                    try {
                        Files.createDirectory(dir);
                    } catch (IOException x) {
                        throw PathFailure.at(e.path(), x);
                    }
                }
            }
        } catch (IOException | UncheckedIOException x) {
            // A failure (not a crash): nothing else has happened yet, so undo the directories now.
            t.rollbackAfter(x);
            throw x;
        }
        return t;
    }

    /** The transaction token. */
    public String txn() {
        return txn;
    }

    /** Call once every temporary file is written: flushes them and their directories in sync mode. */
    public void staged() throws IOException {
        if (durability == Durability.SYNC) {
            Set<Path> dirs = new LinkedHashSet<>();
            List<Path> files = new ArrayList<>();
            for (JournalEntry e : entries) {
                if (e.tempPath() != null) {
                    Path temp = guard.resolve(e.tempPath());
                    if (Files.isDirectory(temp, LinkOption.NOFOLLOW_LINKS)) {
                        syncTree(temp, dirs, files);
                    } else if (!Files.isSymbolicLink(temp)) {
                        files.add(temp);
                    }
                    dirs.add(temp.getParent());
                } else if (e.action() == JournalEntry.Action.MKDIR) {
                    dirs.add(guard.resolve(e.path()).getParent());
                }
            }
            ParallelSync.sync(durability, files, false);
            ParallelSync.sync(durability, List.copyOf(dirs), true);
        }
        steps.reached("staged");
    }

    /** A directory staged whole (it replaces a file): its files now, its directories with the others. */
    private static void syncTree(Path top, Set<Path> dirs, List<Path> files) throws IOException {
        try (var walk = Files.walk(top)) {
            for (Path p : walk.toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    dirs.add(p);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(p);
                }
            }
        }
    }

    /** Renames every staged file into place and moves removed files aside, in journal order. */
    public void apply() throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        int n = 0;
        // Learnt after the pre-scripts ran; each rename forgets the one path it changes (which may
        // be a directory moved aside, or a directory or symlink put in place).
        RootGuard moving = RootGuard.caching(root.root());
        for (JournalEntry e : entries) {
            if (e.action() == JournalEntry.Action.MKDIR || e.action() == JournalEntry.Action.RMDIR) {
                continue;
            }
            Path path;
            try {
                path = moving.resolve(e.path());
                moving.forget(path);
                switch (e.action()) {
                    case PLACE -> {
                        if (e.backupPath() != null) {
                            move(path, sibling(moving, path, e.path(), e.backupPath()));
                        }
                        move(sibling(moving, path, e.path(), e.tempPath()), path);
                    }
                    default -> move(path, sibling(moving, path, e.path(), e.backupPath()));
                }
            } catch (IOException x) {
                throw PathFailure.at(e.path(), x);
            }
            dirs.add(path.getParent());
            steps.reached("rename-" + (++n));
        }
        ParallelSync.sync(durability, List.copyOf(dirs), true);
        steps.reached("renamed");
    }

    /**
     * {@code rel} (a temporary or backup name of a journal entry) reached through the directory of
     * {@code resolved}, the entry path {@code resolvedRel} just resolved, when both are in the same
     * directory (as the journal always names them): the same checked ancestors, looked at once.
     */
    private static Path sibling(RootGuard guard, Path resolved, String resolvedRel, String rel) throws IOException {
        int slash = rel.lastIndexOf('/');
        if (slash == resolvedRel.lastIndexOf('/') && rel.regionMatches(0, resolvedRel, 0, Math.max(slash, 0))) {
            return resolved.resolveSibling(rel.substring(slash + 1));
        }
        return guard.resolve(rel);
    }

    /** After the commit: deletes backups, removes emptied directories and forgets the journal. */
    public void cleanup() throws IOException {
        rollForward(root, entries);
        steps.reached("cleaned");
        journal.markDone(txn);
    }

    /** Undoes everything this transaction did to the root (before its commit) and forgets it. */
    public void rollback() throws IOException {
        rollBack(root, entries);
        journal.markDone(txn);
    }

    /**
     * Rolls back after {@code failure}; a failure of the rollback itself is attached to it (the
     * journal then stays pending and the next run's recovery tries again).
     */
    public void rollbackAfter(Throwable failure) {
        try {
            rollback();
        } catch (IOException | RuntimeException x) {
            failure.addSuppressed(x);
        }
    }

    static void rollForward(RootLayout root, List<JournalEntry> entries) throws IOException {
        // Deletes only the transaction's own temporary and backup names, then empty directories
        // (each forgotten as it goes): the directories it found real stay real.
        RootGuard guard = RootGuard.caching(root.root());
        Failures failures = new Failures();
        for (JournalEntry e : entries) {
            failures.run(e, () -> {
                Path temp = null;
                if (e.tempPath() != null) {
                    temp = guard.resolve(e.tempPath());
                    deleteTree(temp);
                }
                if (e.backupPath() != null && e.action() != JournalEntry.Action.SAVE) {
                    deleteBackup(temp == null ? guard.resolve(e.backupPath())
                            : sibling(guard, temp, e.tempPath(), e.backupPath()));
                }
            });
        }
        // RMDIR steps are journalled deepest first, so children go before their parents.
        for (JournalEntry e : entries) {
            if (e.action() == JournalEntry.Action.RMDIR) {
                failures.run(e, () -> {
                    Path dir = guard.resolve(e.path());
                    guard.forget(dir);
                    removeIfEmptyDirectory(dir);
                });
            }
        }
        failures.throwFirst();
    }

    /**
     * Undoes the steps in reverse order, each on its own: one that cannot be undone (an I/O error)
     * does not stop the others, and is reported once all were tried, so the journal stays
     * pending for the next run. A step below a symlink is skipped: it never happened, since
     * every step refuses to go through one.
     */
    static void rollBack(RootLayout root, List<JournalEntry> entries) throws IOException {
        RootGuard guard = new RootGuard(root.root());
        Failures failures = new Failures();
        for (int i = entries.size() - 1; i >= 0; i--) {
            JournalEntry e = entries.get(i);
            failures.run(e, () -> undo(guard, e));
        }
        failures.throwFirst();
    }

    private static void undo(RootGuard guard, JournalEntry e) throws IOException {
        Path path = guard.resolve(e.path());
        Path temp = e.tempPath() == null ? null : guard.resolve(e.tempPath());
        Path backup = e.backupPath() == null ? null : guard.resolve(e.backupPath());
        switch (e.action()) {
            case PLACE -> {
                if (backup != null && exists(backup)) {
                    if (exists(path) && isDirectory(path) != isDirectory(backup)) {
                        // A type change: what is at path came from temp (the backup was moved first),
                        // and a rename cannot put a file over a directory or the reverse.
                        deleteTree(path);
                    }
                    move(backup, path);
                } else if (backup == null && !exists(temp)) {
                    // A new file whose temporary is gone was renamed into place: it is ours.
                    Files.deleteIfExists(path);
                }
                deleteTree(temp);
            }
            case REMOVE -> {
                if (exists(backup)) {
                    move(backup, path);
                }
            }
            case SAVE -> {
                if (exists(backup) && !exists(path)) {
                    move(backup, path);
                }
            }
            case MKDIR -> removeIfEmptyDirectory(path);
            case RMDIR -> {
            }
        }
    }

    /** False for a path that cannot exist (a name too long): rollback must not stop there. */
    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean isDirectory(Path p) {
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Deletes a temporary or backup path of this transaction, a whole tree when it is a directory
     * (a directory staged or moved aside whole by a type change): its name is the transaction's
     * own, so everything in it was put there by the transaction. Symlinks are not followed.
     */
    static void deleteTree(Path p) throws IOException {
        // Most of these paths are gone already (a staged file renamed into place): deleteIfExists
        // learns that from one unlink, where a look first cost an lstat and an exception.
        try {
            Files.deleteIfExists(p);
            return;
        } catch (java.nio.file.DirectoryNotEmptyException full) {
            // A whole directory tree: delete it bottom-up below.
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    /**
     * Deletes a backup (a removed or replaced file moved aside), which is there unless a crash
     * came between its deletion and the journal's end. {@code Files.delete} looks first to choose
     * between unlink and rmdir; {@code File.delete} asks the C library's remove(3), which unlinks
     * (never following a symlink) and tries rmdir only for a directory: one system call instead of
     * two for the usual backup, a file. Anything it does not delete (a directory with content, a
     * name the platform encoding cannot spell, an error) goes the careful way, which reports why.
     */
    static void deleteBackup(Path p) throws IOException {
        if (!p.toFile().delete()) {
            deleteTree(p);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void removeIfEmptyDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            // rmdir(2) itself refuses a directory that is not empty; listing it first cost an
            // open, two getdents and a close that took milliseconds on some file systems.
            try {
                Files.delete(dir);
            } catch (java.nio.file.DirectoryNotEmptyException kept) {
                // Something else still lives there: the directory stays.
            }
        }
    }
}
