package dev.kimigayo.isn.core.engine;

import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.config.WorldFile;
import dev.kimigayo.isn.core.fetch.Fetcher;
import dev.kimigayo.isn.core.history.NoSuchTransactionException;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.plan.LockFile;
import dev.kimigayo.isn.core.plan.PackageRequest;
import dev.kimigayo.isn.core.plan.PackageSource;
import dev.kimigayo.isn.core.plan.Plan;
import dev.kimigayo.isn.core.plan.PlannedStep;
import dev.kimigayo.isn.core.planner.NothingToLockException;
import dev.kimigayo.isn.core.repos.RepositoryCatalog;
import dev.kimigayo.isn.core.session.CancelledException;
import dev.kimigayo.isn.core.session.DownloadProgress;
import dev.kimigayo.isn.core.session.EngineEvent;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.FilesystemException;
import dev.kimigayo.isn.core.session.Session;
import dev.kimigayo.isn.core.session.Workspace;
import dev.kimigayo.isn.core.solver.SolveRequest;

/**
 * The entry points for commands that change a root. A change is planned and committed under one
 * write lock ({@link Transaction}); {@link #run} is the whole sequence with a confirmation between
 * the two, {@link #dryRun} plans without writing anything.
 */
public final class Engine {

    private Engine() {
    }

    /**
     * Plans {@code request}, asks {@code confirm} with that plan, and commits the same plan object
     * if it says yes, all under one write lock. A dry-run request is planned without a lock and
     * without writing anything.
     */
    public static Outcome run(EngineSettings settings, PackageRequest request, Confirmation confirm)
            throws IsnException {
        if (request.dryRun()) {
            return new Outcome(dryRun(settings, request), true, false, null);
        }
        try (Transaction t = Transaction.open(settings)) {
            return confirmAndCommit(t, t.plan(request), confirm);
        } catch (IsnException e) {
            throw CancelledException.ifCancelled(e, settings.listener());
        }
    }

    private static Outcome confirmAndCommit(Transaction t, Plan plan, Confirmation confirm) throws IsnException {
        if (plan.isEmpty()) {
            return new Outcome(plan, false, false, null);
        }
        if (!confirm.confirm(plan)) {
            return new Outcome(plan, false, true, null);
        }
        return new Outcome(plan, false, false, t.commit(plan));
    }

    /** {@link #run} without asking. */
    public static Outcome run(EngineSettings settings, PackageRequest request) throws IsnException {
        return run(settings, request, Confirmation.ALWAYS);
    }

    /** Plans {@code request} without taking the lock and without writing anything under the root. */
    public static Plan dryRun(EngineSettings settings, PackageRequest request) throws IsnException {
        try (Transaction t = Transaction.openDryRun(settings)) {
            return t.plan(request);
        }
    }

    /**
     * {@code isn lock}: resolves {@code targets} (none: the root's world) as on a new, empty root
     * against the configured repositories and returns the exact set; writes nothing under the root.
     */
    public static LockFile lock(EngineSettings settings, List<String> targets) throws IsnException {
        List<String> wanted = targets;
        if (wanted.isEmpty()) {
            try {
                wanted = WorldFile.read(settings.layout().worldFile());
            } catch (java.io.IOException e) {
                throw new FilesystemException("cannot read " + settings.layout().worldFile(), e);
            }
        }
        if (wanted.isEmpty()) {
            throw new NothingToLockException(settings.layout().worldFile());
        }
        try (Transaction t = Transaction.openFresh(settings)) {
            Plan plan = t.plan(PackageRequest.of(SolveRequest.Operation.ADD, wanted));
            for (PlannedStep s : plan.steps()) {
                if (!(s.incoming().source() instanceof PackageSource.Indexed)) {
                    throw new NothingToLockException(s.incoming());
                }
            }
            return LockFile.of(plan.world(), plan.installedAfter());
        }
    }

    /**
     * {@code isn install --locked}: installs exactly the packages of {@code lock}, as {@link #run}
     * does a request (one lock from plan to commit, {@code confirm} asked with the plan).
     */
    public static Outcome runLocked(EngineSettings settings, LockFile lock, boolean dryRun, Confirmation confirm)
            throws IsnException {
        if (dryRun) {
            try (Transaction t = Transaction.openDryRun(settings)) {
                return new Outcome(t.planLocked(lock), true, false, null);
            }
        }
        try (Transaction t = Transaction.open(settings)) {
            return confirmAndCommit(t, t.planLocked(lock), confirm);
        } catch (IsnException e) {
            throw CancelledException.ifCancelled(e, settings.listener());
        }
    }

    /**
     * {@code isn undo [N]}: returns to the package set and world from before transaction {@code id}
     * (-1: the last one that changed the root) as a new transaction; the plan's notes say what
     * cannot be restored.
     */
    public static Outcome undo(EngineSettings settings, long id, boolean dryRun, Confirmation confirm)
            throws IsnException {
        try (Transaction t = dryRun ? Transaction.openDryRun(settings) : Transaction.open(settings)) {
            long which = id >= 0 ? id : t.lastCommitted();
            if (which < 0) {
                throw new NoSuchTransactionException();
            }
            Plan plan = t.planUndo(which);
            for (String note : plan.notes()) {
                settings.listener().on(new EngineEvent.Warning(note));
            }
            return dryRun ? new Outcome(plan, true, false, null) : confirmAndCommit(t, plan, confirm);
        } catch (IsnException e) {
            throw CancelledException.ifCancelled(e, settings.listener());
        }
    }

    /**
     * {@code isn update}: fetches and verifies every repository index, recording what was
     * accepted. Every repository is tried; if any could not be refreshed, the first such failure
     * is thrown afterwards (as apk's update reports unavailable repositories in its exit status).
     */
    public static List<LoadedRepository> update(EngineSettings settings) throws IsnException {
        try (Session session = Session.openWriter(settings);
                Fetcher fetcher = new Fetcher(settings.fetch(), new DownloadProgress(settings.listener()))) {
            Workspace ws = Workspace.of(settings);
            try {
                RepositoryCatalog catalog = new RepositoryCatalog(session, ws.indexes(), true);
                List<LoadedRepository> loaded = catalog.load(RepositoryCatalog.configured(settings),
                        RepositoryCatalog.Mode.REFRESH, fetcher);
                if (!catalog.failures().isEmpty()) {
                    throw catalog.failures().get(0).reason();
                }
                return loaded;
            } finally {
                ws.close();
            }
        } catch (IsnException e) {
            throw CancelledException.ifCancelled(e, settings.listener());
        }
    }
}
