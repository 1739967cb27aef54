package dev.kimigayo.isn.db;

/** What a journal entry does to its target path. */
public enum JournalAction {
    /** Put the staged {@code temp_path} at {@code path}, moving any old file to {@code backup_path}. */
    PLACE,
    /** Take {@code path} away, moving it to {@code backup_path}. */
    REMOVE
}
