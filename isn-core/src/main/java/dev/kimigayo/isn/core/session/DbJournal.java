package dev.kimigayo.isn.core.session;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.core.txn.Journal;
import dev.kimigayo.isn.core.txn.JournalEntry;
import dev.kimigayo.isn.db.DatabaseChanges;
import dev.kimigayo.isn.db.DatabaseException;
import dev.kimigayo.isn.db.JournalAction;
import dev.kimigayo.isn.db.PackageDatabase;
import dev.kimigayo.isn.db.TransactionRecord;
import dev.kimigayo.isn.db.TransactionState;

/**
 * The transaction journal kept in isn-db, so that the database changes and the switch to
 * committed are one SQLite transaction. isn-db stores the same five actions the engine performs.
 */
public final class DbJournal implements Journal {

    private final PackageDatabase db;
    private final Clock clock;
    private final String user;
    private final Map<String, Long> ids = new HashMap<>();

    /** A journal in {@code db}; {@code user} is recorded in the history. */
    public DbJournal(PackageDatabase db, Clock clock, String user) {
        this.db = db;
        this.clock = clock;
        this.user = user;
    }

    @Override
    public void begin(String txn, String command, List<JournalEntry> entries) throws IOException {
        List<dev.kimigayo.isn.db.JournalEntry> rows = new ArrayList<>();
        for (JournalEntry e : entries) {
            JournalAction action = JournalAction.valueOf(e.action().name());
            rows.add(new dev.kimigayo.isn.db.JournalEntry(e.seq(), action, e.path(), e.tempPath(), e.backupPath()));
        }
        try {
            ids.put(txn, db.beginTransaction(command, user, clock.instant(), rows));
        } catch (DatabaseException e) {
            throw new IOException("cannot record the transaction journal: " + e.getMessage(), e);
        }
    }

    /** Applies {@code changes} and marks the transaction committed, atomically. */
    public void commit(String txn, DatabaseChanges changes) throws IOException {
        try {
            db.commit(id(txn), changes);
        } catch (DatabaseException e) {
            throw new IOException("cannot commit the transaction to the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void markCommitted(String txn) throws IOException {
        commit(txn, DatabaseChanges.builder().build());
    }

    @Override
    public void markDone(String txn) throws IOException {
        try {
            long id = id(txn);
            TransactionState state = db.transaction(id).map(TransactionRecord::state).orElse(TransactionState.DONE);
            if (state == TransactionState.PENDING) {
                db.markRolledBack(id);
            } else if (state == TransactionState.COMMITTED) {
                db.markDone(id);
            }
        } catch (DatabaseException e) {
            throw new IOException("cannot close the transaction journal: " + e.getMessage(), e);
        }
    }

    @Override
    public List<UnfinishedTransaction> unfinished() throws IOException {
        List<UnfinishedTransaction> result = new ArrayList<>();
        try {
            for (TransactionRecord r : db.unfinishedTransactions()) {
                String txn = "db" + r.id();
                ids.put(txn, r.id());
                result.add(new UnfinishedTransaction(txn, r.state() == TransactionState.COMMITTED, decode(r.journal())));
            }
        } catch (DatabaseException e) {
            throw new IOException("cannot read the transaction journal: " + e.getMessage(), e);
        }
        return result;
    }

    /** The database id of a transaction begun or listed by this journal, or null. */
    public Long idOf(String txn) {
        return ids.get(txn);
    }

    private long id(String txn) throws IOException {
        Long id = ids.get(txn);
        if (id == null) {
            throw new IOException("unknown transaction " + txn);
        }
        return id;
    }

    private static List<JournalEntry> decode(List<dev.kimigayo.isn.db.JournalEntry> rows) {
        List<JournalEntry> entries = new ArrayList<>();
        for (dev.kimigayo.isn.db.JournalEntry r : rows) {
            JournalEntry.Action action = JournalEntry.Action.valueOf(r.action().name());
            entries.add(new JournalEntry(r.seq(), action, r.path(), r.tempPath(), r.backupPath()));
        }
        return entries;
    }
}
