package dev.kimigayo.isn.core.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.archive.PackageReader;
import dev.kimigayo.isn.core.commit.CommitResult;
import dev.kimigayo.isn.core.commit.PackageDownloads;
import dev.kimigayo.isn.core.commit.TransactionRunner;
import dev.kimigayo.isn.core.fetch.Fetcher;
import dev.kimigayo.isn.core.history.HistoryRecords;
import dev.kimigayo.isn.core.plan.LockFile;
import dev.kimigayo.isn.core.plan.PackageRequest;
import dev.kimigayo.isn.core.plan.Plan;
import dev.kimigayo.isn.core.plan.StalePlanException;
import dev.kimigayo.isn.core.plan.StateGuard;
import dev.kimigayo.isn.core.plan.TxnStep;
import dev.kimigayo.isn.core.planner.Planner;
import dev.kimigayo.isn.core.planner.Universe;
import dev.kimigayo.isn.core.repos.IndexTrust;
import dev.kimigayo.isn.core.session.DatabaseFailureException;
import dev.kimigayo.isn.core.session.DownloadProgress;
import dev.kimigayo.isn.core.session.EngineEvent;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.Session;
import dev.kimigayo.isn.core.session.Workspace;
import dev.kimigayo.isn.db.DatabaseException;

/**
 * A root opened for one change, as libalpm's init → prepare → commit → release: {@link #open}
 * takes the write lock (and recovers an interrupted transaction), {@link #plan} makes an
 * immutable {@link Plan}, {@link #commit} carries out exactly that plan, {@link #close} releases
 * the lock. The lock is held from planning to commit, and commit refuses a plan made against any
 * other state of the root (a {@link StateGuard} mismatch), so what was shown is what runs.
 */
public final class Transaction implements AutoCloseable {

    private final Session session;
    private final Workspace ws;
    private final Fetcher fetcher;
    private final boolean dryRun;
    private PackageReader reader;

    private Transaction(Session session, Workspace ws, Fetcher fetcher, boolean dryRun) {
        this.session = session;
        this.ws = ws;
        this.fetcher = fetcher;
        this.dryRun = dryRun;
    }

    /** Opens the root for changes: lock, database (created with {@code --initdb}), recovery. */
    public static Transaction open(EngineSettings settings) throws IsnException {
        Session session = Session.openWriter(settings);
        return new Transaction(session, Workspace.of(settings),
                new Fetcher(settings.fetch(), new DownloadProgress(settings.listener())), false);
    }

    /**
     * Opens the root for planning only ({@code --dry-run}): no lock, no recovery, nothing written
     * under the root, not even with {@code --initdb} on a root that does not exist yet.
     */
    public static Transaction openDryRun(EngineSettings settings) throws IsnException {
        Session session = Session.openPlanner(settings);
        try {
            return new Transaction(session, Workspace.dryRun(settings),
                    new Fetcher(settings.fetch(), new DownloadProgress(settings.listener())), true);
        } catch (IsnException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Plans {@code request} against the root as it is now; changes nothing but the recorded index state. */
    public Plan plan(PackageRequest request) throws IsnException {
        return new Planner(session, ws, fetcher, dryRun, reader()).plan(request);
    }

    /** Plans installing exactly the packages of {@code lock} ({@code isn install --locked}). */
    public Plan planLocked(LockFile lock) throws IsnException {
        return new Planner(session, ws, fetcher, dryRun, reader()).planLocked(lock);
    }

    /** Plans returning to the package set before transaction {@code id} ({@code isn undo}). */
    public Plan planUndo(long id) throws IsnException {
        return new Planner(session, ws, fetcher, dryRun, reader()).planUndo(id);
    }

    /** The id of the last transaction that changed the root, or -1 when there is none. */
    public long lastCommitted() throws IsnException {
        try {
            for (var r : session.db().history(1000)) {
                if (r.state().name().equals("COMMITTED") || r.state().name().equals("DONE")) {
                    return r.id();
                }
            }
            return -1;
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the history", e);
        }
    }

    /**
     * Carries out {@code plan}: fetches its package files (a download is checked against the size
     * and SHA-256 in the plan), then verifies and runs them as one crash-safe transaction. Refuses, changing
     * nothing, when the root is no longer in the state the plan was made against.
     */
    public CommitResult commit(Plan plan) throws IsnException {
        if (dryRun) {
            throw new IllegalStateException("a dry-run transaction cannot commit");
        }
        EngineSettings settings = session.settings();
        try {
            StateGuard now = Universe.guard(session.db().installedPackages(), session.db().world());
            if (!now.equals(plan.guard())) {
                throw new StalePlanException(plan.guard(), now);
            }
            if (plan.isEmpty()) {
                return null;
            }
            List<TxnStep> steps = new PackageDownloads(plan.repositories(), ws.packages(), fetcher, settings.listener())
                    .resolve(plan.txnSteps());
            if (!settings.arch().equals(EngineSettings.machineArch())) {
                settings.listener().on(new EngineEvent.Warning("package scripts are not run: this root is for "
                        + settings.arch() + " and this machine is " + EngineSettings.machineArch()
                        + " (--arch); their steps, if any, must be done on the target machine"));
            }
            // The package files' SHA-256 as the plan verified them (index entry or local file), for isn sbom.
            Map<String, String> fileSha256 = new HashMap<>();
            plan.steps().stream().filter(s -> s.incoming() != null && s.incoming().sha256() != null)
                    .forEach(s -> fileSha256.put(s.change().name(), s.incoming().sha256()));
            return new TransactionRunner(session, reader()).run(steps, plan.world(), plan.reasons(),
                    plan.request().purge(), HistoryRecords.of(plan, session.db().installedPackages()), fileSha256);
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the package database", e);
        }
    }

    /** Opens an empty database (a new root) for resolving a lock file; writes nothing under the root. */
    static Transaction openFresh(EngineSettings settings) throws IsnException {
        Session session = Session.openEmpty(settings);
        try {
            return new Transaction(session, Workspace.dryRun(settings),
                    new Fetcher(settings.fetch(), new DownloadProgress(settings.listener())), true);
        } catch (IsnException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** One reader for planning and commit, so an untrusted package is warned about once. */
    private PackageReader reader() throws IsnException {
        if (reader == null) {
            reader = new PackageReader(IndexTrust.packageTrust(session.settings()));
        }
        return reader;
    }

    @Override
    public void close() throws IsnException {
        try (Session s = session; Fetcher f = fetcher) {
            ws.close();
        }
    }
}
