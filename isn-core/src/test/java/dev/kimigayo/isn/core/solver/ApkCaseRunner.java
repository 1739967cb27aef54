package dev.kimigayo.isn.core.solver;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.version.Constraint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs one apk-tools fixture through isn's solver: translates apk's command line into a
 * {@link SolveRequest}, solves, and judges the outcome against the expectation. The verdict is
 * null when the case passes, else a one-line reason.
 */
final class ApkCaseRunner {
    static final String ARCH = "x86_64";
    private final Path dir;
    private final boolean learnerOnly;

    ApkCaseRunner(Path dir) {
        this(dir, false);
    }

    /** With {@code learnerOnly}, the learning search decides every case (no depth-first search first). */
    ApkCaseRunner(Path dir, boolean learnerOnly) {
        this.dir = dir;
        this.learnerOnly = learnerOnly;
    }

    /** The outcome of a case: the plan, or the refusal. */
    record Outcome(Solution plan, IsnException error) {
    }

    Outcome run(ApkCase c) throws Exception {
        try {
            return new Outcome(solve(c), null);
        } catch (IsnException e) {
            return new Outcome(null, e);
        }
    }

    private Solution solve(ApkCase c) throws Exception {
        List<String> a = new ArrayList<>(c.args());
        boolean noNetwork = a.remove("--no-network");
        boolean force = a.remove("--force-broken-world");
        a.removeIf(s -> s.equals("-v") || s.startsWith("--root-tmpfs"));
        String cmd = a.remove(0);
        List<Repository> repos = new ArrayList<>();
        for (String[] r : c.repos()) {
            repos.add(new Repository(r[0], !noNetwork, packages(r[1])));
        }
        for (String f : c.caches()) {
            repos.add(new Repository(null, true, packages(f)));
        }
        List<InstalledPackage> installed = new ArrayList<>();
        if (c.installed() != null) {
            for (ApkIndexReader.Entry e : ApkIndexReader.read(dir.resolve(c.installed()))) {
                installed.add(new InstalledPackage(e.pkg(), e.tag()));
            }
        }
        List<Constraint> world = new ArrayList<>();
        for (String w : c.world()) {
            world.add(Constraint.parse(w));
        }
        Options o = new Options();
        List<Constraint> targets = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String t = a.get(i);
            switch (t) {
                case "-u", "--upgrade" -> o.upgrade = true;
                case "-l", "--latest" -> o.latest = true;
                case "-a", "--available" -> o.available = true;
                case "-d", "--depends" -> o.depends = true;
                case "--prune" -> o.prune = true;
                case "-t", "--virtual" -> o.virtual = VirtualPackage.parse(a.get(++i), "0");
                case "--ignore" -> o.ignore.add(a.get(++i));
                case "--self-upgrade-only", "--preupgrade-only" -> o.preupgrade = true;
                case "--preupgrade-depends" -> o.preupgradeDepends.add(Constraint.parse(a.get(++i)));
                default -> targets.add(Constraint.parse(t));
            }
        }
        SolveRequest req = switch (cmd) {
            case "add" -> SolveRequest.add(targets).withUpgrade(o.upgrade).withLatest(o.latest).withVirtual(o.virtual);
            case "del" -> SolveRequest.remove(targets);
            case "fix" -> SolveRequest.fix(targets).withUpgrade(o.upgrade).withDepends(o.depends);
            case "upgrade" -> SolveRequest.upgrade(targets).withLatest(o.latest).withAvailable(o.available)
                    .withPrune(o.prune).withIgnore(o.ignore);
            default -> throw new IllegalArgumentException("unknown command " + cmd);
        };
        req = req.withForceBrokenWorld(force);
        Solver solver = Solver.prepare(repos, installed, ARCH);
        if (learnerOnly) {
            solver = solver.withDepthFirstSteps(0);
        }
        if (o.preupgrade) {
            return preupgrade(solver, installed, world, o.preupgradeDepends);
        }
        return solver.solve(world, req);
    }

    /** apk's self-upgrade step: upgrade only the installed packages matching the preupgrade set, if any changes. */
    private static Solution preupgrade(Solver solver, List<InstalledPackage> installed, List<Constraint> world,
            List<Constraint> extra) throws IsnException {
        List<Constraint> set = new ArrayList<>();
        set.add(new Constraint("apk-tools", null, null, null, false));
        for (Constraint c : extra) {
            if (c.conflict()) {
                set.removeIf(x -> x.name().equals(c.name()));
            } else {
                set.add(c);
            }
        }
        List<Constraint> names = new ArrayList<>();
        for (Constraint c : set) {
            for (InstalledPackage ip : installed) {
                if (ip.pkg().name().equals(c.name()) && c.allowsVersion(ip.pkg().version())) {
                    names.add(new Constraint(c.name(), null, null, null, false));
                }
            }
        }
        Solution empty = new Solution(List.of(), world, List.of(), List.of());
        if (names.isEmpty()) {
            return empty;
        }
        Solution p = solver.solve(world, SolveRequest.upgrade(names));
        Set<String> wanted = new HashSet<>();
        names.forEach(n -> wanted.add(n.name()));
        return p.changes().stream().anyMatch(ch -> wanted.contains(ch.name())) ? p : empty;
    }

    private List<SolverPackage> packages(String file) throws Exception {
        return ApkIndexReader.read(dir.resolve(file)).stream().map(ApkIndexReader.Entry::pkg).toList();
    }

    private static final class Options {
        boolean upgrade;
        boolean latest;
        boolean available;
        boolean depends;
        boolean prune;
        boolean preupgrade;
        VirtualPackage virtual;
        final Set<String> ignore = new HashSet<>();
        final List<Constraint> preupgradeDepends = new ArrayList<>();
    }
}
