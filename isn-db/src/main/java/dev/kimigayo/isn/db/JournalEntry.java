package dev.kimigayo.isn.db;

import java.util.Objects;

/**
 * One intended rename of a filesystem transaction, written before the root is touched.
 *
 * @param seq        order within the transaction (renames happen, and roll forward, in this order)
 * @param action     place or remove
 * @param path       the target, relative to the root
 * @param tempPath   the staged new file for {@code place}, relative to the root, or null
 * @param backupPath where the old file is (or will be) moved aside, relative to the root, or null
 */
public record JournalEntry(int seq, JournalAction action, String path, String tempPath,
                           String backupPath) {

    /** Validates the components. */
    public JournalEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(path, "path");
    }
}
