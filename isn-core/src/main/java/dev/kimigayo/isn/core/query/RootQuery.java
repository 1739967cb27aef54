package dev.kimigayo.isn.core.query;

import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.planner.Reachable;
import dev.kimigayo.isn.core.repos.RepositoryCatalog;
import dev.kimigayo.isn.core.session.DatabaseFailureException;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.core.session.Session;
import dev.kimigayo.isn.core.solver.Solution;
import dev.kimigayo.isn.core.solver.Repository;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.core.solver.Solver;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.db.DatabaseException;
import dev.kimigayo.isn.db.InstallReason;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * Questions about the dependencies of a root ({@code why}, {@code info -r}, {@code dot},
 * {@code policy}): a read-only database and no lock, indexes read from {@code file:}
 * repositories and the cache, never fetched.
 */
public final class RootQuery implements AutoCloseable {

    private final Session session;
    private List<InstalledPackage> installed;
    private PackageGraph graph;

    private RootQuery(Session session) {
        this.session = session;
    }

    /** Opens {@code settings}' root for reading. */
    public static RootQuery open(EngineSettings settings) throws IsnException {
        return new RootQuery(Session.openQuery(settings));
    }

    /** Why {@code name} is installed: the world entries it satisfies and the paths from the others. */
    public WhyAnswer why(String name) throws IsnException {
        PackageGraph g = graph();
        GraphNode target = g.node(name);
        if (target == null) {
            throw new PackageNotInstalledException(name);
        }
        List<String> direct = new ArrayList<>();
        List<DependencyPath> paths = new ArrayList<>();
        for (String w : world()) {
            Constraint c = Constraint.parse(w);
            if (c.conflict()) {
                continue;
            }
            if (target.satisfies(c)) {
                direct.add(w);
                continue;
            }
            DependencyPath best = null;
            for (GraphNode start : g.satisfying(c)) {
                List<DependencyEdge> p = g.shortestPath(start.ref().name(), name);
                if (p != null && (best == null || p.size() < best.edges().size())) {
                    best = new DependencyPath(w, start.ref(), p);
                }
            }
            if (best != null) {
                paths.add(best);
            }
        }
        boolean explicit = installedRow(name).reason() == InstallReason.EXPLICIT;
        boolean orphan = orphans().stream().anyMatch(o -> o.name().equals(name));
        return new WhyAnswer(target.ref(), explicit, orphan, direct, paths);
    }

    /**
     * The installed packages nothing in the world needs, by depends or install_if: what the next
     * change removes (every install reason derives from the world, as in apk). Sorted by name.
     */
    public List<PackageRef> orphans() throws IsnException {
        PackageGraph g = graph();
        List<String> starts = new ArrayList<>();
        for (String w : world()) {
            Constraint c = Constraint.parse(w);
            if (!c.conflict()) {
                g.satisfying(c).forEach(n -> starts.add(n.ref().name()));
            }
        }
        java.util.Set<String> needed = g.keptBy(starts);
        return installed().stream().filter(p -> !needed.contains(p.name()))
                .map(p -> new PackageRef(p.name(), p.version())).sorted(java.util.Comparator.comparing(PackageRef::name))
                .toList();
    }

    /** The installed packages that depend on {@code name} or on a name it provides (empty when it is not installed). */
    public List<DependencyEdge> dependents(String name) throws IsnException {
        return graph().dependents(name);
    }

    /** Every installed package, by name: the very rows the graph of {@link #installedGraph} is made of. */
    public List<InstalledPackage> installedPackages() throws IsnException {
        return installed();
    }

    /** The installed packages {@code names} and everything they need, with the edges among them. */
    public DependencyGraph installedGraph(List<String> names) throws IsnException {
        PackageGraph g = graph();
        for (String n : names) {
            if (g.node(n) == null) {
                throw new PackageNotInstalledException(n);
            }
        }
        return g.reachable(names);
    }

    /**
     * What installing {@code targets} on an empty root would bring, as a graph: the solver's
     * answer over the configured repositories, so the graph shows the very packages an install takes.
     */
    public DependencyGraph availableGraph(List<String> targets) throws IsnException {
        List<Constraint> cs = new ArrayList<>();
        for (String t : targets) {
            cs.add(Constraint.parse(t));
        }
        List<Repository> repos = new ArrayList<>();
        // Only what the targets reach (as the planner restricts its universe): same answer.
        for (LoadedRepository r : Reachable.restrict(repositories(),
                cs.stream().map(Constraint::name).toList())) {
            repos.add(SolverInput.repository(r, true));
        }
        Solution plan = Solver.prepare(repos, List.of(), session.settings().arch()).solve(List.of(), SolveRequest.add(cs));
        PackageGraph g = new PackageGraph(plan.installed().stream().map(p -> SolverInput.node(p.pkg())).toList());
        List<String> roots = new ArrayList<>();
        for (Constraint c : cs) {
            String root = g.satisfying(c).get(0).ref().name();
            if (!roots.contains(root)) {
                roots.add(root);
            }
        }
        return g.reachable(roots);
    }

    /** The candidates for {@code name} and the one an install would take, with the reason. */
    public PolicyAnswer policy(String name) throws IsnException {
        return new PolicyQuery(session.settings().arch(), repositories(), installed(), world()).answer(name);
    }

    /** The configured repositories whose index can be read without the network; the rest are warned about. */
    List<LoadedRepository> repositories() throws IsnException {
        return RepositoryCatalog.readOffline(session);
    }

    private PackageGraph graph() throws IsnException {
        if (graph == null) {
            List<GraphNode> nodes = new ArrayList<>();
            for (InstalledPackage p : installed()) {
                nodes.add(SolverInput.node(p));
            }
            graph = new PackageGraph(nodes);
        }
        return graph;
    }

    private InstalledPackage installedRow(String name) throws IsnException {
        return installed().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new PackageNotInstalledException(name));
    }

    private List<InstalledPackage> installed() throws IsnException {
        if (installed == null) {
            try {
                installed = session.db().installedPackages();
            } catch (DatabaseException e) {
                throw new DatabaseFailureException("cannot read the installed packages", e);
            }
        }
        return installed;
    }

    private List<String> world() throws IsnException {
        try {
            return session.db().world();
        } catch (DatabaseException e) {
            throw new DatabaseFailureException("cannot read the world", e);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
