package dev.kimigayo.isn.core.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.archive.PackageReader;
import dev.kimigayo.isn.core.fetch.Fetcher;
import dev.kimigayo.isn.core.solver.Plan;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.core.solver.Solver;
import dev.kimigayo.isn.core.solver.UnsatisfiableException;
import dev.kimigayo.isn.core.solver.VirtualPackage;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.db.DatabaseException;

/**
 * The install engine: one entry point per command that changes a root. Each call opens the root
 * for writing (lock, recovery), loads and verifies the indexes, asks the solver for a plan, and,
 * unless it is a dry run, downloads, verifies and commits it as one transaction.
 */
public final class Engine {

    private Engine() {
    }

    /** Runs an install, remove, upgrade or fix request. */
    public static Outcome run(EngineSettings settings, PackageRequest request) throws IsnException {
        try (Session session = Session.openWriter(settings);
                Fetcher fetcher = new Fetcher(settings.fetch(), new DownloadProgress(settings.listener()))) {
            Workspace ws = Workspace.of(settings);
            try {
                // Removing needs no repository to be reachable: read what is cached, never fetch.
                RepositoryCatalog catalog = new RepositoryCatalog(session, ws.indexes(), !request.dryRun());
                RepositoryCatalog.Mode mode = request.operation() == SolveRequest.Operation.REMOVE
                        ? RepositoryCatalog.Mode.OFFLINE : RepositoryCatalog.Mode.IF_MISSING;
                List<LoadedRepository> repos = catalog.load(RepositoryCatalog.configured(settings), mode, fetcher);
                PackageReader reader = new PackageReader(IndexTrust.packageTrust(settings));
                Universe universe = Universe.load(session, repos, settings.arch());
                List<Constraint> targets = new ArrayList<>();
                for (String t : request.targets()) {
                    targets.add(universe.target(t, reader));
                }
                boolean removal = request.operation() == SolveRequest.Operation.REMOVE;
                boolean upgrade = request.operation() == SolveRequest.Operation.UPGRADE;
                if (removal || upgrade) {
                    RemovalCheck.requireKnown(removal ? "remove" : "upgrade", targets, universe);
                }
                SolveRequest solve = solveRequest(settings, request, targets);
                Solver solver = universe.solver();
                Plan plan;
                try {
                    plan = solver.solve(universe.world(), solve);
                } catch (UnsatisfiableException e) {
                    if (catalog.leftOut().isEmpty()) {
                        throw e;
                    }
                    throw new RepositoryUnavailableException(e, catalog.leftOut());
                }
                List<TxnStep> steps = universe.steps(plan);
                List<Change> changes = steps.stream().map(TxnStep::change).toList();
                Outcome planned = new Outcome(changes, request.dryRun(), null,
                        removal ? RemovalCheck.kept(targets, plan) : List.of(),
                        upgrade ? new UpgradeCheck(universe, repos, solver, settings.arch()).heldBack(targets, plan)
                                : List.of());
                if (request.dryRun() || steps.isEmpty() && universe.worldUnchanged(plan)) {
                    return planned;
                }
                steps = new PackageDownloads(repos, ws.packages(), fetcher).resolve(steps, plan);
                if (!settings.arch().equals(EngineSettings.machineArch())) {
                    settings.listener().on(new EngineEvent.Warning("package scripts are not run: this root is for "
                            + settings.arch() + " and this machine is " + EngineSettings.machineArch()
                            + " (--arch); their steps, if any, must be done on the target machine"));
                }
                List<String> world = plan.world().stream().map(Constraint::toString).toList();
                CommitResult result = new TransactionRunner(session, reader).run(steps, world,
                        universe.reasonUpdates(plan), request.purge());
                return planned.withCommit(result);
            } finally {
                ws.close();
            }
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the package database", e);
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
        }
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

    /** Names in a world, for deciding explicit versus dependency installs. */
    static Set<String> names(List<Constraint> world) {
        return world.stream().filter(c -> !c.conflict()).map(Constraint::name).collect(Collectors.toSet());
    }

    /** Where indexes and packages go for one run: the cache, or a scratch folder deleted afterwards. */
    record Workspace(Path indexes, Path packages, Path scratch) implements AutoCloseable {

        static Workspace of(EngineSettings s) throws IsnException {
            if (!s.noCache()) {
                return new Workspace(s.layout().cacheDir().resolve("indexes"), s.layout().cacheDir().resolve("packages"),
                        null);
            }
            Path scratch = s.layout().stateDir().resolve("tmp").resolve("run-" + ProcessHandle.current().pid());
            return new Workspace(scratch.resolve("indexes"), scratch.resolve("packages"), scratch);
        }

        @Override
        public void close() throws IsnException {
            if (scratch == null) {
                return;
            }
            try (var walk = Files.walk(scratch)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // Nothing was downloaded.
            } catch (IOException e) {
                throw new FilesystemException("cannot delete the scratch folder " + scratch, e);
            }
        }
    }
}
