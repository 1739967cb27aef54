package dev.kimigayo.isn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    private static final List<JournalEntry> JOURNAL = List.of(
            new JournalEntry(0, JournalAction.PLACE, "usr/bin/vim", "usr/bin/.isn-tmp.vim.1",
                    "usr/bin/.isn-old.vim.1"),
            new JournalEntry(1, JournalAction.PLACE, "etc/vimrc", "etc/.isn-tmp.vimrc.1", null),
            new JournalEntry(2, JournalAction.REMOVE, "usr/bin/vi", null, "usr/bin/.isn-old.vi.1"));

    @Test
    void fullLifecycleFromPendingToDone() throws Exception {
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            long txn = db.beginTransaction("isn add vim", "root", Fixtures.T0, JOURNAL);
            TransactionRecord pending = db.unfinishedTransactions().get(0);
            assertEquals(new TransactionRecord(txn, TransactionState.PENDING, "isn add vim", "root",
                    Fixtures.T0, null, null, List.of(), JOURNAL), pending);

            PackageChange change = new PackageChange(ChangeAction.INSTALL, "vim", null, "9.1-r0");
            db.commit(txn, DatabaseChanges.builder().install(Fixtures.full("vim", "9.1-r0"),
                    Fixtures.files("vim")).world(List.of("vim")).change(change).build());
            TransactionRecord committed = db.unfinishedTransactions().get(0);
            assertEquals(TransactionState.COMMITTED, committed.state());
            assertEquals(Fixtures.CLOCK.instant(), committed.committedAt());
            assertEquals(JOURNAL, committed.journal());
            assertEquals(List.of(change), committed.changes());
            assertEquals(List.of("vim"), db.world());

            db.markDone(txn);
            assertEquals(List.of(), db.unfinishedTransactions());
            TransactionRecord done = db.transaction(txn).orElseThrow();
            assertEquals(TransactionState.DONE, done.state());
            assertEquals(Fixtures.CLOCK.instant(), done.endedAt());
            assertEquals(List.of(), done.journal());
            assertEquals(List.of(change), done.changes());
        }
    }

    @Test
    void pendingTransactionCanBeRolledBack() throws Exception {
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            long txn = db.beginTransaction("isn del vim", null, Fixtures.T0, JOURNAL);
            db.markRolledBack(txn);
            TransactionRecord t = db.transaction(txn).orElseThrow();
            assertEquals(TransactionState.ROLLED_BACK, t.state());
            assertNull(t.committedAt());
            assertEquals(List.of(), t.journal());
            assertEquals(List.of(), db.unfinishedTransactions());
        }
    }

    @Test
    void unfinishedTransactionsSurviveReopeningOldestFirst() throws Exception {
        Path file = dir.resolve("var/lib/isn/isn.db");
        long a;
        long b;
        long c;
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            a = db.beginTransaction("one", "u", Fixtures.T0, JOURNAL.subList(0, 1));
            b = db.beginTransaction("two", "u", Fixtures.T0, JOURNAL);
            db.commit(b, DatabaseChanges.builder().build());
            c = db.beginTransaction("three", "u", Fixtures.T0, List.of());
            db.commit(c, DatabaseChanges.builder().build());
            db.markDone(c);
        }
        // What recovery sees on the next run, even through a read-only connection.
        try (PackageDatabase db = PackageDatabase.open(file, OpenOptions.readOnlyMode())) {
            List<TransactionRecord> open = db.unfinishedTransactions();
            assertEquals(List.of(a, b), open.stream().map(TransactionRecord::id).toList());
            assertEquals(TransactionState.PENDING, open.get(0).state());
            assertEquals(JOURNAL.subList(0, 1), open.get(0).journal());
            assertEquals(TransactionState.COMMITTED, open.get(1).state());
            assertEquals(JOURNAL, open.get(1).journal());
        }
    }

    @Test
    void illegalTransitionsAreRefusedWithTheActualState() throws Exception {
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            long txn = db.beginTransaction("isn add vim", "root", Fixtures.T0, JOURNAL);
            DatabaseException e = assertThrows(DatabaseException.class, () -> db.markDone(txn));
            assertEquals("cannot mark transaction " + txn + " done: it is pending, expected"
                    + " committed", e.getMessage());
            db.commit(txn, DatabaseChanges.builder().build());
            e = assertThrows(DatabaseException.class,
                    () -> db.commit(txn, DatabaseChanges.builder().build()));
            assertEquals("cannot mark transaction " + txn + " committed: it is committed,"
                    + " expected pending", e.getMessage());
            assertThrows(DatabaseException.class, () -> db.markRolledBack(txn));
            e = assertThrows(DatabaseException.class, () -> db.markDone(999));
            assertEquals("cannot mark transaction 999 done: it does not exist, expected committed",
                    e.getMessage());
        }
    }

    @Test
    void historyIsNewestFirstWithChanges() throws Exception {
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            long first = db.beginTransaction("isn add musl", "root", Fixtures.T0, List.of());
            db.commit(first, DatabaseChanges.builder()
                    .install(Fixtures.minimal("musl", "1.2.4-r0"), List.of())
                    .change(new PackageChange(ChangeAction.INSTALL, "musl", null, "1.2.4-r0")).build());
            db.markDone(first);
            long second = db.beginTransaction("isn upgrade", "root", Fixtures.T0, List.of());
            List<PackageChange> changes = List.of(
                    new PackageChange(ChangeAction.UPGRADE, "musl", "1.2.4-r0", "1.2.5-r0"),
                    new PackageChange(ChangeAction.REMOVE, "old", "1", null));
            DatabaseChanges.Builder b = DatabaseChanges.builder()
                    .install(Fixtures.minimal("musl", "1.2.5-r0"), List.of());
            changes.forEach(b::change);
            db.commit(second, b.build());
            db.markDone(second);

            List<TransactionRecord> history = db.history(10);
            assertEquals(List.of(second, first), history.stream().map(TransactionRecord::id).toList());
            assertEquals(changes, history.get(0).changes());
            assertEquals("isn upgrade", history.get(0).command());
            assertEquals(1, db.history(1).size());
        }
    }
}
