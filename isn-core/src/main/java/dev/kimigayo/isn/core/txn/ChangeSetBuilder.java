package dev.kimigayo.isn.core.txn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.root.RootGuard;
import dev.kimigayo.isn.core.root.RootLayout;
import dev.kimigayo.isn.core.root.ReservedPaths;

/**
 * Collects the filesystem steps of one transaction and names their temporary and backup files:
 * {@code .isn-new.<txn>.<name>} and {@code .isn-old.<txn>.<name>} beside each target, so every
 * rename stays inside one directory and therefore one filesystem (atomic).
 */
public final class ChangeSetBuilder {

    private final RootLayout root;
    private final String txn;
    private final RootGuard guard;
    private final List<JournalEntry> entries = new ArrayList<>();

    /** Starts an empty change set for transaction {@code txn} (a short token, safe in file names). */
    public ChangeSetBuilder(RootLayout root, String txn) {
        this.root = root;
        this.txn = txn;
        // Built while planning, when nothing in the root changes.
        this.guard = RootGuard.caching(root.root());
    }

    /** The root the steps apply to. */
    public RootLayout root() {
        return root;
    }

    /** The transaction token. */
    public String txn() {
        return txn;
    }

    /** Plans to put a file or symlink at {@code path}; returns the temporary path to stage it at. */
    public Path placeFile(String path) {
        boolean exists;
        try {
            exists = Files.exists(guard.resolve(path), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            // A symlink on the way: planning refuses such paths; the rename would refuse it too.
            exists = false;
        }
        return placeFile(path, exists);
    }

    /** {@link #placeFile(String)} when the caller has just looked: {@code exists} says whether something is at {@code path}. */
    public Path placeFile(String path, boolean exists) {
        String temp = sibling(path, ReservedPaths.STAGED_PREFIX);
        add(JournalEntry.Action.PLACE, path, temp, exists ? sibling(path, ReservedPaths.BACKUP_PREFIX) : null);
        return root.resolve(temp);
    }

    /** Plans to create directory {@code path}, which must not exist yet. */
    public void mkdir(String path) {
        add(JournalEntry.Action.MKDIR, path, null, null);
    }

    /** Plans to remove the file or symlink at {@code path}. */
    public void remove(String path) {
        add(JournalEntry.Action.REMOVE, path, null, sibling(path, ReservedPaths.BACKUP_PREFIX));
    }

    /** Plans to remove directory {@code path} once committed, if nothing else is left in it. */
    public void rmdir(String path) {
        add(JournalEntry.Action.RMDIR, path, null, null);
    }

    /** Plans to rename {@code path} to {@code savedAs} and keep it (a changed config file on removal). */
    public void save(String path, String savedAs) {
        add(JournalEntry.Action.SAVE, path, null, savedAs);
    }

    /** Appends steps planned elsewhere (by another builder of the same transaction), renumbering them. */
    public void addAll(List<JournalEntry> steps) {
        for (JournalEntry e : steps) {
            add(e.action(), e.path(), e.tempPath(), e.backupPath());
        }
    }

    /** The steps in the order they were planned. */
    public List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    private void add(JournalEntry.Action action, String path, String temp, String backup) {
        entries.add(new JournalEntry(entries.size(), action, path, temp, backup));
    }

    private String sibling(String path, String prefix) {
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash + 1);
        return dir + prefix + txn + "." + path.substring(slash + 1);
    }
}
