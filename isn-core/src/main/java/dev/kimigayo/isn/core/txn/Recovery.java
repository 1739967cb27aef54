package dev.kimigayo.isn.core.txn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.root.RootLayout;

/**
 * Brings a root back to a consistent state after a crash: a transaction still pending is rolled
 * back (its database changes never happened), a committed one is rolled forward (its database
 * changes did). Run under the write lock before any new transaction.
 */
public final class Recovery {

    private Recovery() {
    }

    /** What recovery did to one interrupted transaction. */
    public record Recovered(String txn, boolean rolledForward, int steps) {
    }

    /** Recovers every unfinished transaction in the journal, oldest first. */
    public static List<Recovered> run(RootLayout root, Journal journal) throws IOException {
        List<Recovered> done = new ArrayList<>();
        for (Journal.UnfinishedTransaction t : journal.unfinished()) {
            if (t.committed()) {
                FsTransaction.rollForward(root, t.entries());
            } else {
                FsTransaction.rollBack(root, t.entries());
            }
            journal.markDone(t.txn());
            done.add(new Recovered(t.txn(), t.committed(), t.entries().size()));
        }
        return List.copyOf(done);
    }
}
