package dev.kimigayo.isn.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.plan.Change;
import dev.kimigayo.isn.core.session.DatabaseFailureException;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.Session;
import dev.kimigayo.isn.db.DatabaseException;
import dev.kimigayo.isn.db.PackageChange;
import dev.kimigayo.isn.db.PackageDatabase;
import dev.kimigayo.isn.db.TransactionPlan;
import dev.kimigayo.isn.db.TransactionRecord;

/** {@code isn history}: the root's transactions, newest first, read without the lock. */
public final class History {

    private History() {
    }

    /** The {@code limit} most recent transactions, newest first. */
    public static List<HistoryEntry> list(EngineSettings settings, int limit) throws IsnException {
        try (Session session = Session.openReader(settings)) {
            List<HistoryEntry> all = new ArrayList<>();
            for (TransactionRecord r : session.db().history(limit)) {
                all.add(entry(session.db(), r));
            }
            return all;
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the history", e);
        }
    }

    /** Transaction {@code id}. */
    public static HistoryEntry show(EngineSettings settings, long id) throws IsnException {
        try (Session session = Session.openReader(settings)) {
            return entry(session.db(), find(session.db(), id));
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the history", e);
        }
    }

    /** Transaction {@code id}, or the refusal naming it. */
    public static TransactionRecord find(PackageDatabase db, long id)
            throws DatabaseException, NoSuchTransactionException {
        Optional<TransactionRecord> r = db.transaction(id);
        if (r.isEmpty()) {
            throw new NoSuchTransactionException(id);
        }
        return r.get();
    }

    private static HistoryEntry entry(PackageDatabase db, TransactionRecord r) throws DatabaseException {
        List<Change> changes = new ArrayList<>();
        for (PackageChange c : r.changes()) {
            changes.add(new Change(Change.Action.valueOf(c.action().name()), c.name(), c.oldVersion(),
                    c.newVersion()));
        }
        Optional<TransactionPlan> plan = db.transactionPlan(r.id());
        return new HistoryEntry(r.id(), r.state().name().toLowerCase(Locale.ROOT), r.command(), r.user(),
                r.startedAt(), r.committedAt(), changes, plan.map(TransactionPlan::request).orElse(null),
                plan.map(TransactionPlan::worldBefore).orElse(List.of()),
                plan.map(TransactionPlan::worldAfter).orElse(List.of()));
    }
}
