package dev.kimigayo.isn.core.txn;

/**
 * One filesystem step of a transaction, recorded before any of them happens so that recovery can
 * undo or finish it. Paths are relative to the root; {@code tempPath} and {@code backupPath} are
 * null when the action has none.
 */
public record JournalEntry(int seq, Action action, String path, String tempPath, String backupPath) {

    /** What a step does to its path. */
    public enum Action {
        /** Rename {@code tempPath} over {@code path}, first moving an existing one to {@code backupPath}. */
        PLACE,
        /** Move {@code path} aside to {@code backupPath}; the backup is deleted once committed. */
        REMOVE,
        /** Create directory {@code path} (before staging); removed again on rollback when empty. */
        MKDIR,
        /** Remove directory {@code path} after commit, when it is empty. */
        RMDIR,
        /** Rename {@code path} to {@code backupPath} and keep it there ({@code .isn-save} of a changed config). */
        SAVE
    }
}
