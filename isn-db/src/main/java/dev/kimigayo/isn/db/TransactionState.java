package dev.kimigayo.isn.db;

/** Where a filesystem transaction stands; see docs/database.md for the recovery rules. */
public enum TransactionState {
    /** Journal written, files may be partly renamed, database not updated: recovery rolls back. */
    PENDING,
    /** Database updated, backups and temporaries may remain: recovery rolls forward. */
    COMMITTED,
    /** Finished and cleaned up; the journal rows are gone. */
    DONE,
    /** Undone (by the engine or by recovery) and cleaned up; the journal rows are gone. */
    ROLLED_BACK
}
