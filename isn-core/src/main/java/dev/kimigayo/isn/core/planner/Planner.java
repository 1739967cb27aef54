package dev.kimigayo.isn.core.planner;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.archive.PackageReader;
import dev.kimigayo.isn.core.fetch.Fetcher;
import dev.kimigayo.isn.core.history.History;
import dev.kimigayo.isn.core.history.HistoryRecords;
import dev.kimigayo.isn.core.plan.HeldBack;
import dev.kimigayo.isn.core.plan.KeptPackage;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.plan.LockFile;
import dev.kimigayo.isn.core.plan.LockInconsistentException;
import dev.kimigayo.isn.core.plan.PackageId;
import dev.kimigayo.isn.core.plan.PackageRequest;
import dev.kimigayo.isn.core.plan.Plan;
import dev.kimigayo.isn.core.plan.PlannedStep;
import dev.kimigayo.isn.core.plan.TxnStep;
import dev.kimigayo.isn.core.repos.RepositoryCatalog;
import dev.kimigayo.isn.core.repos.RepositoryUnavailableException;
import dev.kimigayo.isn.core.session.DatabaseFailureException;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.Session;
import dev.kimigayo.isn.core.session.Workspace;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.core.solver.Solution;
import dev.kimigayo.isn.core.solver.Solver;
import dev.kimigayo.isn.core.solver.UnsatisfiableException;
import dev.kimigayo.isn.core.solver.VirtualPackage;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.db.DatabaseException;

/**
 * Turns a request into a {@link Plan} over an open session: loads and verifies the indexes, reads
 * the installed packages and the world, asks the solver, and records the exact packages chosen.
 * Writes nothing but the accepted index state (and not even that for a dry run).
 */
public final class Planner {

    private final Session session;
    private final Workspace ws;
    private final Fetcher fetcher;
    private final boolean dryRun;
    private final PackageReader reader;

    /** {@code reader} is the transaction's: it warns once per untrusted package however often it is read. */
    /** A planner over an open session; {@code dryRun} keeps it from writing anything under the root. */
    public Planner(Session session, Workspace ws, Fetcher fetcher, boolean dryRun, PackageReader reader) {
        this.reader = reader;
        this.session = session;
        this.ws = ws;
        this.fetcher = fetcher;
        this.dryRun = dryRun;
    }

    /** Plans {@code request} against the root as it is now. */
    public Plan plan(PackageRequest request) throws IsnException {
        EngineSettings settings = session.settings();
        try {
            // Removing needs no repository to be reachable: read what is cached, never fetch.
            RepositoryCatalog catalog = new RepositoryCatalog(session, ws.indexes(), !dryRun);
            if (dryRun) {
                catalog = catalog.withScratch(ws.scratchIndexes());
            }
            RepositoryCatalog.Mode mode = request.operation() == SolveRequest.Operation.REMOVE
                    ? RepositoryCatalog.Mode.OFFLINE : RepositoryCatalog.Mode.IF_MISSING;
            List<LoadedRepository> repos = catalog.load(RepositoryCatalog.configured(settings), mode, fetcher);
            Universe universe = Universe.load(session, repos, settings.arch());
            List<Constraint> targets = new ArrayList<>();
            for (String t : request.targets()) {
                targets.add(universe.target(t, reader));
            }
            List<String> reach = new ArrayList<>(targets.stream().map(Constraint::name).toList());
            if (request.virtual() != null) {
                reach.add(request.virtual().split("=", 2)[0]);
            }
            universe.restrict(reach);
            repos = universe.repositories();
            boolean removal = request.operation() == SolveRequest.Operation.REMOVE;
            boolean upgrade = request.operation() == SolveRequest.Operation.UPGRADE;
            if (removal || upgrade) {
                RemovalCheck.requireKnown(removal ? "remove" : "upgrade", targets, universe);
            }
            Solver solver = universe.solver();
            Solution solved;
            try {
                solved = solver.solve(universe.world(), solveRequest(settings, request, targets));
            } catch (UnsatisfiableException e) {
                if (catalog.leftOut().isEmpty()) {
                    throw e;
                }
                throw new RepositoryUnavailableException(e, catalog.leftOut());
            }
            return build(request, HistoryRecords.label(request), universe, repos, solved,
                    removal ? RemovalCheck.kept(targets, solved) : List.of(),
                    upgrade ? new UpgradeCheck(universe, repos, solver, settings.arch()).heldBack(targets, solved)
                            : List.of(), List.of());
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the package database", e);
        }
    }

    /**
     * Plans installing exactly the packages of {@code lock}: each is looked up in the loaded
     * indexes by name, version and SHA-256, the solver sees only those (and what is installed),
     * and must install every one of them at its locked version for the world of the lock file.
     */
    public Plan planLocked(LockFile lock) throws IsnException {
        EngineSettings settings = session.settings();
        try {
            RepositoryCatalog catalog = new RepositoryCatalog(session, ws.indexes(), !dryRun);
            if (dryRun) {
                catalog = catalog.withScratch(ws.scratchIndexes());
            }
            List<LoadedRepository> loaded = catalog.load(RepositoryCatalog.configured(settings),
                    RepositoryCatalog.Mode.IF_MISSING, fetcher);
            // Only the locked names are looked up: decode no other package of a cached index.
            List<LoadedRepository> repos = LockedSelection.select(lock, Reachable.restrict(loaded,
                    lock.packages().stream().map(PackageId::name).toList()));
            Universe universe = Universe.load(session, repos, settings.arch());
            List<Constraint> targets = new ArrayList<>();
            for (String w : lock.world()) {
                targets.add(Constraint.parse(w));
            }
            for (PackageId p : lock.packages()) {
                targets.add(Constraint.parse(p.name() + "=" + p.version()));
            }
            Solution solved;
            try {
                solved = universe.solver().solve(universe.world(), SolveRequest.add(targets));
            } catch (UnsatisfiableException e) {
                throw new LockInconsistentException("its packages cannot be installed together on this root:\n"
                        + e.getMessage());
            }
            // The pins chose the versions; the world keeps only what the lock file's world asks for.
            List<Constraint> world = new ArrayList<>();
            java.util.Set<String> locked = new java.util.HashSet<>();
            for (String w : lock.world()) {
                Constraint c = Constraint.parse(w);
                world.add(c);
                locked.add(c.name());
            }
            universe.world().stream().filter(c -> !locked.contains(c.name())).forEach(world::add);
            solved = new Solution(solved.changes(), world, solved.installed(),
                    solved.skipped());
            for (PackageId p : lock.packages()) {
                boolean there = solved.installed().stream().anyMatch(i -> i.pkg().name().equals(p.name())
                        && i.pkg().version().equals(p.version()));
                if (!there) {
                    throw new LockInconsistentException(p.nameVersion() + " is listed but would not be installed");
                }
            }
            PackageRequest request = PackageRequest.of(SolveRequest.Operation.ADD, lock.world()).withDryRun(dryRun);
            return build(request, "install --locked", universe, repos, solved, List.of(), List.of(), List.of());
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the package database", e);
        }
    }

    /**
     * Plans returning to the package set and world from before transaction {@code id}: every
     * package of that set is pinned to its version where the root or a repository still has it;
     * what cannot be restored is said in {@link Plan#notes()}.
     */
    public Plan planUndo(long id) throws IsnException {
        EngineSettings settings = session.settings();
        try {
            var record = History.find(session.db(), id);
            if (!record.state().name().equals("COMMITTED") && !record.state().name().equals("DONE")) {
                throw new UndoRefusedException(id, "it changed nothing (it was rolled back or never finished)");
            }
            var kept = session.db().transactionPlan(id).orElseThrow(() -> new UndoRefusedException(id,
                    "it was committed before isn recorded the package set of each transaction"));
            RepositoryCatalog catalog = new RepositoryCatalog(session, ws.indexes(), !dryRun);
            if (dryRun) {
                catalog = catalog.withScratch(ws.scratchIndexes());
            }
            List<LoadedRepository> repos = catalog.load(RepositoryCatalog.configured(settings),
                    RepositoryCatalog.Mode.IF_MISSING, fetcher);
            Universe universe = Universe.load(session, repos, settings.arch());
            List<Constraint> targets = new ArrayList<>();
            List<Constraint> world = new ArrayList<>();
            for (String w : kept.worldBefore()) {
                world.add(Constraint.parse(w));
            }
            List<String> reach = new ArrayList<>(world.stream().map(Constraint::name).toList());
            kept.installedBefore().forEach(line -> reach.add(line.split(" ")[0]));
            universe.restrict(reach);
            repos = universe.repositories();
            List<String> notes = new ArrayList<>();
            for (String line : kept.installedBefore()) {
                String[] f = line.split(" ");
                var now = universe.installed(f[0]);
                boolean offered = now != null && now.version().equals(f[1]) || repos.stream().anyMatch(r -> r.index()
                        .packages().stream().anyMatch(e -> e.info().name().equals(f[0])
                                && e.info().version().equals(f[1])));
                if (offered) {
                    targets.add(Constraint.parse(f[0] + "=" + f[1]));
                } else {
                    notes.add("cannot restore " + f[0] + " " + f[1] + ": no configured repository offers that"
                            + " version any more");
                }
            }
            notes.add("configuration files edited since, and whatever package scripts did, are not restored");
            // Solved from the old world, not the current one: what was added since must be free to go.
            Solution solved = universe.solver().solve(world, SolveRequest.add(targets));
            solved = new Solution(solved.changes(), world, solved.installed(),
                    solved.skipped());
            PackageRequest request = PackageRequest.of(SolveRequest.Operation.NONE, List.of()).withDryRun(dryRun);
            return build(request, "undo " + id, universe, repos, solved, List.of(), List.of(), notes);
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the package database", e);
        }
    }

    private Plan build(PackageRequest request, String label, Universe universe, List<LoadedRepository> repos,
            Solution solved, List<KeptPackage> kept, List<HeldBack> heldBack,
            List<String> notes) throws IsnException {
        List<TxnStep> steps = universe.steps(solved);
        Identities ids = new Identities(repos);
        List<PlannedStep> shown = new ArrayList<>();
        for (TxnStep s : steps) {
            shown.add(new PlannedStep(s.change(), ids.of(s.incoming()),
                    s.reason() == dev.kimigayo.isn.db.InstallReason.EXPLICIT));
        }
        List<PackageId> after = new ArrayList<>();
        for (var p : solved.installed()) {
            after.add(ids.of(p.pkg()));
        }
        return new Plan(request, label, universe.guard(), shown, after,
                universe.world().stream().map(Constraint::toString).toList(),
                solved.world().stream().map(Constraint::toString).toList(),
                kept, heldBack, notes, steps, repos, universe.reasonUpdates(solved));
    }

    private static SolveRequest solveRequest(EngineSettings settings, PackageRequest r, List<Constraint> targets)
            throws IsnException {
        SolveRequest s = switch (r.operation()) {
            case ADD -> SolveRequest.add(targets);
            case REMOVE -> SolveRequest.remove(targets);
            case UPGRADE -> SolveRequest.upgrade(targets);
            case FIX -> SolveRequest.fix(targets);
            case NONE -> SolveRequest.none();
        };
        s = s.withLatest(r.latest()).withAvailable(r.available());
        if (r.virtual() != null) {
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd.HHmmss").withZone(ZoneOffset.UTC)
                    .format(settings.clock().instant());
            s = s.withVirtual(VirtualPackage.parse(r.virtual(), stamp));
        }
        return s;
    }
}
