package dev.kimigayo.isn.db;

import java.time.Instant;
import java.util.List;

/**
 * A filesystem transaction as the history and recovery see it.
 *
 * @param id          transaction id, increasing, never reused
 * @param state       where it stands
 * @param command     the command line that started it
 * @param user        who ran it, may be null
 * @param startedAt   when the journal was written
 * @param committedAt when the database changes were committed, null before
 * @param endedAt     when it was marked done or rolled back, null before
 * @param changes     the package changes recorded at commit (empty before)
 * @param journal     the journal entries, ordered by {@code seq}; empty once done or rolled back
 */
public record TransactionRecord(long id, TransactionState state, String command, String user,
                                Instant startedAt, Instant committedAt, Instant endedAt,
                                List<PackageChange> changes, List<JournalEntry> journal) {

    /** Freezes the lists. */
    public TransactionRecord {
        changes = List.copyOf(changes);
        journal = List.copyOf(journal);
    }
}
