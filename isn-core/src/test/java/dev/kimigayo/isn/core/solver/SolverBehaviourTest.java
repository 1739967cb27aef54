package dev.kimigayo.isn.core.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API contract the install engine relies on: worlds, virtual packages, determinism, forced worlds. */
class SolverBehaviourTest {
    private final Repository repo;

    SolverBehaviourTest() throws Exception {
        repo = Pkg.repo(Pkg.of("gcc", "13").dep("binutils libc-dev"), Pkg.of("binutils", "2.41"),
                Pkg.of("libc-dev", "1.2"), Pkg.of("make", "4.4"), Pkg.of("curl", "8").dep("libc-dev"));
    }

    private static List<String> ops(Solution p) {
        return p.changes().stream().map(ApkOps::describe).toList();
    }

    @Test
    void virtualPackageInstallsItsDependenciesAndItsRemovalDropsOnlyThose() throws Exception {
        Solution add = Solver.solve(List.of(repo), List.of(), "x86_64", Pkg.world("curl"),
                SolveRequest.add(Pkg.world("gcc make")).withVirtual(VirtualPackage.parse(".build-deps", "20260101")));
        assertEquals(Pkg.world(".build-deps curl"), add.world());
        // World entries are taken in name order (".build-deps" before "curl"), dependencies first.
        assertEquals(List.of("Installing binutils (2.41)", "Installing libc-dev (1.2)", "Installing gcc (13)",
                "Installing make (4.4)", "Installing .build-deps (20260101)", "Installing curl (8)"), ops(add));

        Solution del = Solver.solve(List.of(repo), add.installed(), "x86_64", add.world(),
                SolveRequest.remove(Pkg.world(".build-deps")));
        assertEquals(Pkg.world("curl"), del.world());
        assertEquals(List.of("Purging .build-deps (20260101)", "Purging make (4.4)", "Purging gcc (13)",
                "Purging binutils (2.41)"), ops(del));
    }

    @Test
    void badVirtualSpecificationsAreUsageErrors() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> VirtualPackage.parse(".v>1", "1"));
        assertEquals("invalid-request", e.code());
        assertThrows(InvalidRequestException.class, () -> Solver.solve(List.of(repo), List.of(), "x86_64",
                List.of(), SolveRequest.add(Pkg.world("gcc@edge")).withVirtual(VirtualPackage.parse(".v", "1"))));
    }

    @Test
    void samePlanWhateverTheInputOrder() throws Exception {
        List<SolverPackage> shuffled = new ArrayList<>(repo.packages());
        Collections.reverse(shuffled);
        Solution a = Solver.solve(List.of(repo), List.of(), "x86_64", List.of(), SolveRequest.add(Pkg.world("gcc curl")));
        Solution b = Solver.solve(List.of(Repository.of(null, shuffled)), List.of(), "x86_64", List.of(),
                SolveRequest.add(Pkg.world("curl gcc")));
        assertEquals(ops(a), ops(b));
        assertEquals(a.world(), b.world());
    }

    @Test
    void forcedBrokenWorldInstallsWhatItCanAndReportsTheRest() throws Exception {
        Solution p = Solver.solve(List.of(repo), List.of(), "x86_64", List.of(),
                SolveRequest.add(Pkg.world("make nosuch gcc>20")).withForceBrokenWorld(true));
        assertEquals(List.of("Installing make (4.4)"), ops(p));
        assertEquals(Pkg.world("gcc>20 make nosuch"), p.world());
        assertEquals(List.of(Explanation.Cause.NO_MATCHING_VERSION, Explanation.Cause.NOT_IN_INDEX),
                p.skipped().stream().map(e -> e.explanation().cause()).toList());
    }

    @Test
    void upgradeKeepsOrRaisesVersionsAndReportsTheInstalledSetAfterwards() throws Exception {
        SolverPackage old = Pkg.of("make", "4.3").build();
        Repository r = Pkg.repo(Pkg.of("make", "4.3"), Pkg.of("make", "4.4"));
        List<InstalledPackage> inst = List.of(new InstalledPackage(old, null));
        assertEquals(List.of(), ops(Solver.solve(List.of(r), inst, "x86_64", Pkg.world("make"), SolveRequest.none())));
        Solution up = Solver.solve(List.of(r), inst, "x86_64", Pkg.world("make"), SolveRequest.upgrade(List.of()));
        assertEquals(List.of("Upgrading make (4.3 -> 4.4)"), ops(up));
        assertEquals(List.of("4.4"), up.installed().stream().map(i -> i.pkg().version()).toList());
    }
}
