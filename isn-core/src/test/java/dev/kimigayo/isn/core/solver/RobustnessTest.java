package dev.kimigayo.isn.core.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kimigayo.isn.core.version.Constraint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs built to break naive solvers: deep chains, cycles, many providers, odd versions, hard search. */
class RobustnessTest {

    private static Solution solve(List<SolverPackage> pkgs, String add) throws Exception {
        return Solver.solve(List.of(Repository.of(null, pkgs)), List.of(), "x86_64", List.of(),
                SolveRequest.add(Pkg.world(add)));
    }

    private static List<String> order(Solution p) {
        return p.changes().stream().map(Change::name).toList();
    }

    @Test
    void tenThousandDeepChainInstallsDeepestFirst() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<SolverPackage> pkgs = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                pkgs.add(i == 9_999 ? Pkg.of("p" + i, "1").build() : Pkg.of("p" + i, "1").dep("p" + (i + 1)).build());
            }
            Solution p = solve(pkgs, "p0");
            assertEquals(10_000, p.changes().size());
            assertEquals("p9999", p.changes().get(0).name());
            assertEquals("p0", p.changes().get(9_999).name());
        });
    }

    @Test
    void tenThousandDeepChainWithAMissingEndIsExplained() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<SolverPackage> pkgs = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                pkgs.add(Pkg.of("p" + i, "1").dep("p" + (i + 1)).build());
            }
            UnsatisfiableException e = assertThrows(UnsatisfiableException.class, () -> solve(pkgs, "p0"));
            assertEquals("p10000", e.explanation().name());
            assertEquals(10_000, e.explanation().requirements().get(0).chain().size());
        });
    }

    @Test
    void cyclesAndSelfDependenciesInstallInADocumentedOrder() throws Exception {
        List<SolverPackage> pkgs = List.of(Pkg.of("a", "1").dep("b").build(), Pkg.of("b", "1").dep("c").build(),
                Pkg.of("c", "1").dep("a c").build(), Pkg.of("d", "1").dep("d").build());
        Solution p = solve(pkgs, "a d");
        // The walk enters the cycle at a (first world entry) and goes a -> b -> c -> (a again):
        // the member reached first is installed last.
        assertEquals(List.of("c", "b", "a", "d"), order(p));
        assertEquals(order(p), order(solve(pkgs, "a d")));
    }

    @Test
    void removalsGoDependentsFirst() throws Exception {
        SolverPackage a = Pkg.of("a", "1").dep("b").build();
        SolverPackage b = Pkg.of("b", "1").dep("c").build();
        SolverPackage c = Pkg.of("c", "1").build();
        List<InstalledPackage> inst = List.of(new InstalledPackage(c, null), new InstalledPackage(a, null),
                new InstalledPackage(b, null));
        Solution p = Solver.solve(List.of(Repository.of(null, List.of(a, b, c))), inst, "x86_64", Pkg.world("a"),
                SolveRequest.remove(Pkg.world("a")));
        assertEquals(List.of("Purging a (1)", "Purging b (1)", "Purging c (1)"),
                p.changes().stream().map(ApkOps::describe).toList());
    }

    @Test
    void aThousandProvidersPickTheHighestPriority() throws Exception {
        List<SolverPackage> pkgs = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            pkgs.add(Pkg.of("impl" + i, "1").provides("service").prio((i * 7919) % 1000 + 1).build());
        }
        pkgs.add(Pkg.of("app", "1").dep("service").build());
        Solution p = solve(pkgs, "app");
        int best = 0;
        for (int i = 0; i < 1_000; i++) {
            if ((i * 7919) % 1000 + 1 == 1000) {
                best = i;
            }
        }
        assertEquals(List.of("impl" + best, "app"), order(p));
    }

    @Test
    void aThousandProvidersWithoutPriorityAskForAChoice() throws Exception {
        List<SolverPackage> pkgs = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            pkgs.add(Pkg.of("impl" + i, "1").provides("service").build());
        }
        pkgs.add(Pkg.of("app", "1").dep("service").build());
        UnsatisfiableException e = assertThrows(UnsatisfiableException.class, () -> solve(pkgs, "app"));
        assertEquals(Explanation.Cause.NEEDS_CHOICE, e.explanation().cause());
        assertEquals(1_000, e.explanation().packages().size());
    }

    @Test
    void pathologicalVersionsAreOrderedAndMatched() throws Exception {
        String longVersion = "1" + ".0".repeat(2_000) + ".1";
        List<SolverPackage> pkgs = List.of(Pkg.of("a", "99999999999999999999999999").build(),
                Pkg.of("a", "1.0_alpha1_beta2_pre3_rc4-r99").build(), Pkg.of("a", longVersion).build(),
                Pkg.of("b", "1.0_rc1").build(), Pkg.of("b", "1.0").build(), Pkg.of("b", "1.0_p1").build(),
                Pkg.of("c", "0001.02").build(), Pkg.of("c", "1.2").build());
        assertEquals("99999999999999999999999999", solve(pkgs, "a").changes().get(0).newVersion());
        assertEquals(longVersion, solve(pkgs, "a<2").changes().get(0).newVersion());
        assertEquals("1.0_p1", solve(pkgs, "b").changes().get(0).newVersion());
        assertEquals("1.0", solve(pkgs, "b<1.0_p1").changes().get(0).newVersion());
        assertEquals("1.0_rc1", solve(pkgs, "b<1.0").changes().get(0).newVersion());
        assertEquals(1, solve(pkgs, "c~1").changes().size());
    }

    @Test
    void manyVersionsOfOnePackageUnderManyConstraints() throws Exception {
        List<SolverPackage> pkgs = new ArrayList<>();
        for (int v = 1; v <= 2_000; v++) {
            pkgs.add(Pkg.of("lib", Integer.toString(v)).build());
        }
        for (int i = 0; i < 100; i++) {
            pkgs.add(Pkg.of("user" + i, "1").dep("lib>" + (i * 10) + " lib<" + (1_900 - i)).build());
        }
        StringBuilder world = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            world.append("user").append(i).append(' ');
        }
        Solution p = solve(pkgs, world.toString());
        assertEquals("1800", p.changes().stream().filter(c -> c.name().equals("lib")).findFirst().orElseThrow()
                .newVersion());
    }

    @Test
    void aHardSearchStopsWithTooComplexInsteadOfHanging() {
        // Pigeonhole: thirteen packages must each take one of twelve exclusive slots.
        List<SolverPackage> pkgs = new ArrayList<>();
        List<Constraint> world = new ArrayList<>();
        try {
            for (int i = 1; i <= 13; i++) {
                for (int slot = 1; slot <= 12; slot++) {
                    pkgs.add(Pkg.of("pigeon" + i, Integer.toString(slot)).provides("slot" + slot + "=1").build());
                }
                world.add(Constraint.parse("pigeon" + i));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            // The learning search proves it impossible, or stops at the bound: either way, it ends.
            dev.kimigayo.isn.core.IsnException e = assertThrows(dev.kimigayo.isn.core.IsnException.class,
                    () -> Solver.solve(List.of(Repository.of(null, pkgs)), List.of(), "x86_64", List.of(),
                            SolveRequest.add(world).withStepLimit(100_000)));
            assertTrue(e.code().equals("too-complex") || e.code().equals("unsatisfiable"), e.getMessage());
        });
    }
}
