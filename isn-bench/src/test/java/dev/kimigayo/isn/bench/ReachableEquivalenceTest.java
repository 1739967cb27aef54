package dev.kimigayo.isn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kimigayo.isn.core.config.RepositoryEntry;
import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.core.plan.LoadedRepository;
import dev.kimigayo.isn.core.planner.Reachable;
import dev.kimigayo.isn.core.query.SolverInput;
import dev.kimigayo.isn.core.repo.IndexEntry;
import dev.kimigayo.isn.core.repo.RepoIndex;
import dev.kimigayo.isn.core.repo.RepositoryInfo;
import dev.kimigayo.isn.core.solver.Change;
import dev.kimigayo.isn.core.solver.ProvidesPolicy;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.core.solver.Solution;
import dev.kimigayo.isn.core.solver.Solver;
import dev.kimigayo.isn.core.solver.SolverPackage;
import dev.kimigayo.isn.core.solver.UnsatisfiableException;
import dev.kimigayo.isn.core.version.Constraint;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The planner's universe restricted to what a request reaches ({@link Reachable}) gives the very
 * answer the whole Debian graph gives: for every target of {@link BenchTargets} (every 128th name,
 * the tasks, the everyday targets), under both provides rules, the same changes in the same order,
 * or the same refusal word for word.
 */
class ReachableEquivalenceTest {
    @Test
    void apkRules() throws Exception {
        same(ProvidesPolicy.EXCLUSIVE);
    }

    @Test
    void debianRules() throws Exception {
        same(ProvidesPolicy.SHARED);
    }

    private static void same(ProvidesPolicy policy) throws Exception {
        Path dataset = SharedDataset.debian();
        List<SolverPackage> pkgs = DebianDataset.load(dataset);
        List<String> targets = BenchTargets.of(pkgs, Integer.getInteger("reach.every", 128));
        List<IndexEntry> entries = new ArrayList<>(pkgs.size());
        for (int i = 0; i < pkgs.size(); i++) {
            SolverPackage p = pkgs.get(i);
            PkgInfo info = new PkgInfo(p.name(), p.version(), p.arch(), null, null, null, p.depends(), p.provides(),
                    p.installIf(), List.of(), p.providerPriority(), null, null, 0, 0, p.id(), List.of(), List.of(),
                    Map.of());
            entries.add(new IndexEntry(info, "p" + i + ".isn", 0, "0".repeat(64)));
        }
        pkgs = null;
        LoadedRepository repo = new LoadedRepository(RepositoryEntry.of(URI.create("file:///debian")),
                new RepoIndex(RepoIndex.FORMAT_VERSION, new RepositoryInfo("debian", "bookworm"), 1, Instant.EPOCH,
                        Instant.EPOCH.plusSeconds(86_400), entries));
        Solver full = Solver.prepare(List.of(SolverInput.repository(repo, true)), List.of(), "x86_64", policy);
        List<Integer> sizes = new ArrayList<>();
        for (String t : targets) {
            Constraint c = Constraint.parse(t);
            LoadedRepository part = Reachable.restrict(List.of(repo), List.of(c.name())).get(0);
            sizes.add(part.index().packages().size());
            Solver reduced = Solver.prepare(List.of(SolverInput.repository(part, true)), List.of(), "x86_64", policy);
            assertEquals(answer(full, c), answer(reduced, c), t + " under " + policy);
        }
        sizes.sort(null);
        System.out.printf("%s: %d targets, reached packages median %d, max %d of %d%n", policy, targets.size(),
                sizes.get(sizes.size() / 2), sizes.get(sizes.size() - 1), entries.size());
    }

    private static String answer(Solver solver, Constraint target) throws Exception {
        try {
            Solution s = solver.solve(List.of(), SolveRequest.add(List.of(target)));
            return s.changes().stream().map(ReachableEquivalenceTest::change).collect(Collectors.joining("\n"))
                    + "\nworld " + s.world();
        } catch (UnsatisfiableException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static String change(Change c) {
        return c.action() + " " + c.name() + " " + c.oldVersion() + " " + c.newVersion() + " " + c.newTag() + " "
                + c.repository() + " " + c.pkg().id();
    }
}
