package dev.kimigayo.isn.core.txn;

import java.io.IOException;
import java.util.List;

/**
 * The durable record of a filesystem transaction's intent. {@link #begin} must be on stable
 * storage before the first file changes; the switch to committed happens in the caller's commit
 * step (for isn-db, in the same SQLite transaction as the package changes).
 */
public interface Journal {

    /** Records a transaction as pending with all its steps; returns once that record is durable. */
    void begin(String txn, String command, List<JournalEntry> entries) throws IOException;

    /** Marks a pending transaction committed; journals whose commit is part of a larger step may do it there. */
    void markCommitted(String txn) throws IOException;

    /** Forgets a transaction whose files are fully rolled back or cleaned up. */
    void markDone(String txn) throws IOException;

    /** Transactions begun but not done, oldest first. */
    List<UnfinishedTransaction> unfinished() throws IOException;

    /** A transaction a crash interrupted: pending ones are rolled back, committed ones rolled forward. */
    record UnfinishedTransaction(String txn, boolean committed, List<JournalEntry> entries) {
    }
}
