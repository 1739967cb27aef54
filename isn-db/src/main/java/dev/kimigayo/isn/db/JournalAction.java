package dev.kimigayo.isn.db;

/**
 * What a journal entry does to its target path. The database stores and returns the actions;
 * the install engine performs them and decides how each is undone or finished (docs/database.md).
 */
public enum JournalAction {
    /** Rename {@code temp_path} over {@code path}, first moving an existing one to {@code backup_path}. */
    PLACE,
    /** Move {@code path} aside to {@code backup_path}; the backup is deleted once committed. */
    REMOVE,
    /** Create directory {@code path} before staging; removed again on rollback when empty. */
    MKDIR,
    /** Remove directory {@code path} after commit, when it is empty. */
    RMDIR,
    /** Rename {@code path} to {@code backup_path} and keep it there (a changed config's {@code .isn-save}). */
    SAVE
}
