package dev.kimigayo.isn.core.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.planner.Reachable;
import dev.kimigayo.isn.core.repo.IndexEntry;
import dev.kimigayo.isn.core.solver.Solution;
import dev.kimigayo.isn.core.solver.Repository;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.core.solver.Solver;
import dev.kimigayo.isn.core.solver.UnsatisfiableException;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Version;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * Answers {@code isn policy}: the offered versions from the indexes, and the choice from the
 * solver itself (the same repositories, installed set and world an install would use), so the
 * answer cannot drift from what {@code isn add} does.
 */
final class PolicyQuery {

    private final String arch;
    private final List<LoadedRepository> repos;
    private final List<InstalledPackage> installed;
    private final List<String> world;

    PolicyQuery(String arch, List<LoadedRepository> repos, List<InstalledPackage> installed, List<String> world) {
        this.arch = arch;
        this.repos = repos;
        this.installed = installed;
        this.world = world;
    }

    PolicyAnswer answer(String name) throws IsnException {
        List<dev.kimigayo.isn.core.solver.InstalledPackage> inst = new ArrayList<>();
        for (InstalledPackage p : installed) {
            inst.add(SolverInput.installed(p));
        }
        List<Constraint> worldNow = new ArrayList<>();
        String pinned = null;
        for (String w : world) {
            Constraint c = Constraint.parse(w);
            worldNow.add(c);
            if (c.name().equals(name) && !c.conflict() && c.tag() != null) {
                pinned = c.tag();
            }
        }
        // As the planner does: only what the name, the world and the installed packages reach, so
        // a 65,000-package index is neither decoded whole nor solved over whole (same answers).
        List<LoadedRepository> reach = Reachable.restrict(repos,
                Reachable.seeds(List.of(name), worldNow, inst, List.of()));
        Map<String, List<PolicyAnswer.Source>> offered = new LinkedHashMap<>();
        for (LoadedRepository r : reach) {
            for (IndexEntry e : r.index().packages()) {
                if (e.info().name().equals(name)) {
                    offered.computeIfAbsent(e.info().version(), v -> new ArrayList<>())
                            .add(new PolicyAnswer.Source(r.url(), r.entry().tag().orElse(null)));
                }
            }
        }
        InstalledPackage mine = installed.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        if (offered.isEmpty() && mine == null) {
            throw new PackageNotFoundException(name);
        }
        List<PolicyAnswer.Candidate> candidates = new ArrayList<>();
        offered.forEach((v, s) -> candidates.add(new PolicyAnswer.Candidate(v, s)));
        candidates.sort((a, b) -> Version.compare(b.version(), a.version()));
        Solver solver = solver(reach, inst);
        boolean inWorld = worldNow.stream().anyMatch(c -> c.name().equals(name) && !c.conflict());
        // A name already in the world is solved as it stands: "add name" would replace a pinned entry.
        SolveRequest request = inWorld ? SolveRequest.none() : SolveRequest.add(List.of(Constraint.parse(name)));
        String chosen;
        try {
            chosen = versionIn(solver.solve(worldNow, request), name);
        } catch (UnsatisfiableException e) {
            return new PolicyAnswer(name, installedOf(mine), candidates, null, PolicyAnswer.Choice.NOT_INSTALLABLE,
                    pinned, null, e.explanation());
        }
        if (chosen == null) {
            return new PolicyAnswer(name, installedOf(mine), candidates, null, PolicyAnswer.Choice.NOT_INSTALLABLE,
                    pinned, null, null);
        }
        String upgrade = null;
        if (mine != null) {
            try {
                upgrade = versionIn(solver.solve(worldNow, SolveRequest.upgrade(List.of(Constraint.parse(name)))), name);
            } catch (UnsatisfiableException e) {
                upgrade = null;
            }
        }
        return new PolicyAnswer(name, installedOf(mine), candidates, chosen,
                choice(chosen, mine, candidates, pinned), pinned, upgrade, null);
    }

    private static PolicyAnswer.Choice choice(String chosen, InstalledPackage mine,
            List<PolicyAnswer.Candidate> candidates, String pinned) {
        if (pinned != null) {
            return PolicyAnswer.Choice.PINNED_TAG;
        }
        // Versions only tagged repositories carry are not candidates for an unpinned package.
        String newest = candidates.stream()
                .filter(c -> c.sources().stream().anyMatch(s -> s.tag() == null))
                .map(PolicyAnswer.Candidate::version).findFirst().orElse(null);
        if (newest == null || Version.compare(chosen, newest) >= 0) {
            return PolicyAnswer.Choice.NEWEST;
        }
        if (mine != null && mine.version().equals(chosen)) {
            return PolicyAnswer.Choice.INSTALLED_KEPT;
        }
        return PolicyAnswer.Choice.CONSTRAINED;
    }

    private static PolicyAnswer.Installed installedOf(InstalledPackage p) {
        return p == null ? null : new PolicyAnswer.Installed(p.version(), p.repository(), p.tag());
    }

    private static String versionIn(Solution plan, String name) {
        return plan.installed().stream().filter(p -> p.pkg().name().equals(name)).map(p -> p.pkg().version())
                .findFirst().orElse(null);
    }

    private Solver solver(List<LoadedRepository> reach, List<dev.kimigayo.isn.core.solver.InstalledPackage> inst) {
        List<Repository> solverRepos = new ArrayList<>();
        for (LoadedRepository r : reach) {
            solverRepos.add(SolverInput.repository(r, true));
        }
        return Solver.prepare(solverRepos, inst, arch);
    }
}
