package dev.kimigayo.isn.core.planner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.archive.PackageReader;
import dev.kimigayo.isn.core.commit.PackageHeader;
import dev.kimigayo.isn.core.plan.Change;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.plan.LocalPackage;
import dev.kimigayo.isn.core.plan.PackageOrigin;
import dev.kimigayo.isn.core.plan.TxnStep;
import dev.kimigayo.isn.core.session.Session;
import dev.kimigayo.isn.core.query.SolverInput;
import dev.kimigayo.isn.core.solver.Solution;
import dev.kimigayo.isn.core.solver.Repository;
import dev.kimigayo.isn.core.solver.Solver;
import dev.kimigayo.isn.core.solver.SolverPackage;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.db.DatabaseException;
import dev.kimigayo.isn.db.InstallReason;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * Everything the solver sees for one request: the loaded repositories (plus local package files
 * named on the command line), the installed packages and the world; and the translation of its
 * plan back into executable steps.
 */
public final class Universe {

    private List<LoadedRepository> repos;
    private final List<SolverPackage> locals = new ArrayList<>();
    private final Map<String, InstalledPackage> installed = new HashMap<>();
    private final List<dev.kimigayo.isn.core.solver.InstalledPackage> solverInstalled = new ArrayList<>();
    private final List<Constraint> world = new ArrayList<>();
    private final List<String> worldText = new ArrayList<>();
    private final String arch;

    private Universe(List<LoadedRepository> repos, String arch) {
        this.repos = repos;
        this.arch = arch;
    }

    /** Reads the installed packages and the world of {@code session}. */
    public static Universe load(Session session, List<LoadedRepository> repos, String arch)
            throws IsnException, DatabaseException {
        Universe u = new Universe(repos, arch);
        for (InstalledPackage p : session.db().installedPackages()) {
            u.installed.put(p.name(), p);
            u.solverInstalled.add(SolverInput.installed(p));
        }
        for (String w : session.db().world()) {
            u.world.add(Constraint.parse(w));
            u.worldText.add(w);
        }
        return u;
    }

    /** A command-line target as a constraint; a local package file becomes {@code name=version} of that file. */
    Constraint target(String text, PackageReader reader) throws IsnException {
        if (text.endsWith(".isn") && (text.contains("/") || Files.exists(Path.of(text)))) {
            Path file = Path.of(text).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new NoSuchPackageFileException(text, file);
            }
            PackageHeader h = PackageHeader.read(reader, file, file.getFileName().toString());
            locals.add(SolverInput.pkg(h.info(), new LocalPackage(file, h.info())));
            return Constraint.parse(h.info().name() + "=" + h.info().version());
        }
        return Constraint.parse(text);
    }

    /**
     * Reduces the repositories to the packages this request can reach ({@link Reachable}): from
     * {@code names} (the targets' names, a virtual package's), the world, the installed packages
     * and the local files. The solver then answers as over the whole indexes.
     */
    void restrict(java.util.Collection<String> names) {
        repos = Reachable.restrict(repos, Reachable.seeds(names, world, solverInstalled, locals));
    }

    /** The repositories as the solver sees them (reduced by {@link #restrict}, if it ran). */
    List<LoadedRepository> repositories() {
        return repos;
    }

    /** The solver over the repositories, the local files and the installed packages. */
    public Solver solver() {
        List<Repository> all = new ArrayList<>();
        for (LoadedRepository r : repos) {
            all.add(SolverInput.repository(r, true));
        }
        if (!locals.isEmpty()) {
            all.add(new Repository(null, true, locals));
        }
        return Solver.prepare(all, solverInstalled, arch);
    }

    /** Whether {@code name} is installed, provided by an installed package, or in the world. */
    boolean knows(String name) {
        if (installed.containsKey(name) || world.stream().anyMatch(c -> c.name().equals(name))) {
            return true;
        }
        return solverInstalled.stream().anyMatch(p -> p.pkg().provides().stream().anyMatch(v -> v.name().equals(name)));
    }

    /** The installed package called {@code name}, or null. */
    InstalledPackage installed(String name) {
        return installed.get(name);
    }

    /** The fingerprint of the installed packages and the world this universe was read from. */
    public dev.kimigayo.isn.core.plan.StateGuard guard() {
        return guard(installed.values(), worldText);
    }

    /**
     * The fingerprint of {@code packages} and {@code world}, as
     * {@link dev.kimigayo.isn.core.engine.Transaction#commit} re-reads them.
     */
    public static dev.kimigayo.isn.core.plan.StateGuard guard(java.util.Collection<InstalledPackage> packages,
            List<String> world) {
        List<String> lines = packages.stream().map(p -> String.join("\u001f", p.name(), p.version(),
                String.valueOf(p.sha256()), String.valueOf(p.reason()), String.valueOf(p.repository()),
                String.valueOf(p.tag()))).toList();
        return dev.kimigayo.isn.core.plan.StateGuard.of(lines, world);
    }

    /** The world before the request. */
    public List<Constraint> world() {
        return List.copyOf(world);
    }

    /** True when the plan's world is the current one. */
    boolean worldUnchanged(Solution plan) {
        return plan.world().stream().map(Constraint::toString).sorted().toList()
                .equals(world.stream().map(Constraint::toString).sorted().toList());
    }

    /** The plan's changes as executable steps (package files still to be fetched). */
    public List<TxnStep> steps(Solution plan) throws PackageUnavailableException {
        Set<String> explicit = names(plan.world());
        List<TxnStep> steps = new ArrayList<>();
        for (dev.kimigayo.isn.core.solver.Change c : plan.changes()) {
            Change change = new Change(action(c.action()), c.name(), c.oldVersion(), c.newVersion());
            InstalledPackage old = c.oldVersion() == null ? null : installed.get(c.name());
            boolean removal = c.action() == dev.kimigayo.isn.core.solver.Action.REMOVE;
            boolean repin = c.action() == dev.kimigayo.isn.core.solver.Action.REPIN;
            SolverPackage incoming = removal ? null : c.pkg();
            PackageOrigin origin = removal ? null : PackageOrigin.of(incoming.ref());
            if (c.action() == dev.kimigayo.isn.core.solver.Action.REINSTALL
                    && origin instanceof PackageOrigin.Installed self && self.pkg().sha256() != null) {
                // Only the database's copy of the metadata is left: "reinstalling" it would restore no file.
                throw new PackageUnavailableException(c.name(), c.newVersion(), self.pkg().repository());
            }
            String repository = null;
            if (origin instanceof PackageOrigin.Local local) {
                repository = local.pkg().file().toString();
            } else if (incoming != null && c.repository() >= 0 && c.repository() < repos.size()) {
                repository = repos.get(c.repository()).url();
            } else if (old != null) {
                repository = old.repository();
            }
            InstallReason reason = explicit.contains(c.name()) ? InstallReason.EXPLICIT : InstallReason.DEPENDENCY;
            steps.add(new TxnStep(change, null, incoming, origin, old, reason, repository, c.newTag(), repin ? -1 : c.repository()));
        }
        return steps;
    }

    /** Installed packages that stay but become explicit (named in the world) or dependencies. */
    Map<String, InstallReason> reasonUpdates(Solution plan) {
        Set<String> explicit = names(plan.world());
        Map<String, InstallReason> updates = new HashMap<>();
        for (InstalledPackage p : installed.values()) {
            InstallReason wanted = explicit.contains(p.name()) ? InstallReason.EXPLICIT : InstallReason.DEPENDENCY;
            if (wanted != p.reason()) {
                updates.put(p.name(), wanted);
            }
        }
        return updates;
    }

    private static Change.Action action(dev.kimigayo.isn.core.solver.Action a) {
        return switch (a) {
            case INSTALL -> Change.Action.INSTALL;
            case UPGRADE -> Change.Action.UPGRADE;
            case DOWNGRADE -> Change.Action.DOWNGRADE;
            case REPLACE, REINSTALL, REPIN -> Change.Action.REINSTALL;
            case REMOVE -> Change.Action.REMOVE;
        };
    }

    /** Names in a world, for deciding explicit versus dependency installs. */
    private static Set<String> names(List<Constraint> world) {
        return world.stream().filter(c -> !c.conflict()).map(Constraint::name).collect(Collectors.toSet());
    }
}
