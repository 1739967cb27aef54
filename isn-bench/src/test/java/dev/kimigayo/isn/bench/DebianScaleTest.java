package dev.kimigayo.isn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kimigayo.isn.core.solver.Action;
import dev.kimigayo.isn.core.solver.Change;
import dev.kimigayo.isn.core.solver.Explanation;
import dev.kimigayo.isn.core.solver.Solution;
import dev.kimigayo.isn.core.solver.ProvidesPolicy;
import dev.kimigayo.isn.core.solver.Repository;
import dev.kimigayo.isn.core.solver.SolveRequest;
import dev.kimigayo.isn.core.solver.Solver;
import dev.kimigayo.isn.core.solver.SolverPackage;
import dev.kimigayo.isn.core.solver.UnsatisfiableException;
import dev.kimigayo.isn.core.version.Constraint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Distribution scale: the real Debian bookworm graph (65,518 package versions), read at test time
 * from {@code ${isn.shared}/datasets/}. Resolutions from an empty system are verified by
 * {@link DatasetChecker}, which does not use solver code. Debian lets several packages provide
 * one name, so these solves use {@link ProvidesPolicy#SHARED}.
 */
class DebianScaleTest {
    static Path dataset;
    static List<SolverPackage> packages;
    static Solver solver;
    static DatasetChecker checker;

    @BeforeAll
    static void load() throws Exception {
        dataset = SharedDataset.debian();
        packages = DebianDataset.load(dataset);
        solver = Solver.prepare(List.of(Repository.of(null, packages)), List.of(), "x86_64", ProvidesPolicy.SHARED);
        checker = new DatasetChecker(dataset);
    }

    @Test
    void loadsEveryPackageVersion() {
        assertEquals(65_518, packages.size());
    }

    @Test
    void resolvesVim() throws Exception {
        Solution p = resolve(solver, checker, "vim");
        assertTrue(names(p).containsAll(Set.of("vim", "vim-common", "vim-runtime", "libc6")), names(p).toString());
    }

    @Test
    void resolvesBuildEssential() throws Exception {
        Solution p = resolve(solver, checker, "build-essential");
        assertTrue(names(p).containsAll(Set.of("gcc", "g++", "make", "dpkg-dev", "libc6-dev")), names(p).toString());
    }

    /**
     * As published, gnome-core cannot be installed: the dataset kept only the first branch of
     * libcanberra-pulse's {@code pulseaudio | pipewire-pulse}, and gnome-core also needs
     * pipewire-audio, which conflicts with pulseaudio. isn must prove it and say so.
     */
    @Test
    void refusesGnomeCoreAsPublishedAndNamesTheConflict() {
        UnsatisfiableException e = assertThrows(UnsatisfiableException.class, () -> solver.solve(List.of(),
                SolveRequest.add(List.of(Constraint.parse("gnome-core")))));
        Explanation x = e.explanation();
        assertEquals(Explanation.Cause.DECLARED_CONFLICT, x.cause());
        assertEquals("pulseaudio", x.name());
        assertEquals(List.of("gnome-core"), x.worldEntries());
        assertTrue(x.packages().contains("pipewire-audio-1"), x.packages().toString());
        String text = e.getMessage();
        assertTrue(text.contains("libcanberra-pulse-1 needs pulseaudio"), text);
        assertTrue(text.contains("pipewire-audio-1 needs !pulseaudio"), text);
        // The independent check of the same facts in the raw data.
        assertTrue(checker.packages("pipewire-audio").get(0).get("conflicts").toString().contains("\"!pulseaudio\""));
        assertTrue(checker.packages("libcanberra-pulse").get(0).get("depends").toString().contains("\"pulseaudio\""));
    }

    /** With the dropped alternative restored, gnome-core resolves, and the checker agrees. */
    @Test
    void resolvesGnomeCoreWithTheDroppedAlternativeRestored() throws Exception {
        List<SolverPackage> fixed = new ArrayList<>(packages);
        fixed.replaceAll(SolverBench::restoreAlternative);
        Solver s = Solver.prepare(List.of(Repository.of(null, fixed)), List.of(), "x86_64", ProvidesPolicy.SHARED);
        checker.replaceDependency("libcanberra-pulse", "pulseaudio", "pipewire-pulse");
        try {
            Solution p = resolve(s, checker, "gnome-core");
            assertTrue(p.changes().size() > 500, "gnome-core pulls in hundreds of packages: " + p.changes().size());
            assertTrue(names(p).contains("pipewire-pulse") && !names(p).contains("pulseaudio"));
        } finally {
            checker.replaceDependency("libcanberra-pulse", "pipewire-pulse", "pulseaudio");
        }
    }

    @Test
    void checkerCatchesBrokenSetsAndConflicts() {
        List<String> v = checker.violations(Map.of("vim", "2", "libc6", "31"));
        assertTrue(v.stream().anyMatch(x -> x.equals("vim-2 needs vim-common=4, which nothing installed satisfies")),
                v.toString());
        List<String> c = checker.violations(Map.of("pipewire-audio", "1", "pulseaudio", "4"));
        assertTrue(c.contains("pipewire-audio-1 conflicts with !pulseaudio, which is installed"), c.toString());
        assertTrue(checker.violations(Map.of("vim", "999")).contains("vim-999 is not in the dataset"));
    }

    static Solution resolve(Solver s, DatasetChecker check, String name) throws Exception {
        Solution p = s.solve(List.of(), SolveRequest.add(List.of(Constraint.parse(name))));
        Map<String, String> set = new HashMap<>();
        for (Change c : p.changes()) {
            assertEquals(Action.INSTALL, c.action(), c.name() + " " + c.action());
            set.put(c.name(), c.newVersion());
        }
        assertTrue(set.containsKey(name));
        assertEquals(List.of(), check.violations(set));
        assertDependenciesFirst(p);
        return p;
    }

    /** Every package is installed after the packages it depends on, except inside dependency cycles. */
    static void assertDependenciesFirst(Solution p) {
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < p.changes().size(); i++) {
            pos.put(p.changes().get(i).name(), i);
        }
        int late = 0;
        for (int i = 0; i < p.changes().size(); i++) {
            SolverPackage pkg = p.changes().get(i).pkg();
            for (Constraint d : pkg.depends()) {
                Integer j = pos.get(d.name());
                if (!d.conflict() && j != null && j > i && !dependsOn(p.changes().get(j).pkg(), pkg.name(), pos, p)) {
                    late++;
                }
            }
        }
        assertEquals(0, late, "dependencies installed after their dependents (outside cycles)");
    }

    /** Whether {@code from} reaches {@code target} through dependencies inside the plan (a cycle). */
    private static boolean dependsOn(SolverPackage from, String target, Map<String, Integer> pos, Solution p) {
        Set<String> seen = new HashSet<>();
        List<SolverPackage> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty()) {
            SolverPackage x = todo.remove(todo.size() - 1);
            for (Constraint d : x.depends()) {
                if (d.conflict() || !pos.containsKey(d.name()) || !seen.add(d.name())) {
                    continue;
                }
                if (d.name().equals(target)) {
                    return true;
                }
                todo.add(p.changes().get(pos.get(d.name())).pkg());
            }
        }
        return false;
    }

    static Set<String> names(Solution p) {
        Set<String> s = new HashSet<>();
        p.changes().forEach(c -> s.add(c.name()));
        return s;
    }
}
