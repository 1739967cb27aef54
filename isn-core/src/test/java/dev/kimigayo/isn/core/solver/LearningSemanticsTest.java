package dev.kimigayo.isn.core.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The learning search alone (the depth-first search skipped) on small graphs where apk's provide
 * rule decides: a provide without a version satisfies a dependency only when its package is
 * installed for another reason, even through a dependency cycle; and its refusals are explained.
 */
class LearningSemanticsTest {
    private static Solver learner(Repository r) {
        return Solver.prepare(List.of(r), List.of(), "x86_64").withDepthFirstSteps(0);
    }

    private static List<String> installs(Solution p) {
        return p.changes().stream().map(Change::name).sorted().toList();
    }

    /** b provides bus without a version; b and c need each other; app needs bus. */
    private static Repository cycle() throws Exception {
        return Pkg.repo(Pkg.of("app", "1").dep("bus"), Pkg.of("b", "1").provides("bus").dep("c"),
                Pkg.of("c", "1").dep("b"));
    }

    @Test
    void aCycleThatOnlySupportsItselfDoesNotSatisfyAVirtualName() throws Exception {
        // SAT alone would install {app, b, c}: b and c justify each other, b provides bus. apk
        // never chooses b for bus (no version, no priority), so nothing may bring it in.
        UnsatisfiableException e = assertThrows(UnsatisfiableException.class,
                () -> learner(cycle()).solve(List.of(), SolveRequest.add(Pkg.world("app"))));
        assertEquals(Explanation.Cause.NEEDS_CHOICE, e.explanation().cause());
        assertEquals("bus", e.explanation().name());
    }

    @Test
    void aProviderInstalledForAnotherReasonSatisfiesTheVirtualName() throws Exception {
        Solution p = learner(cycle()).solve(List.of(), SolveRequest.add(Pkg.world("app c")));
        assertEquals(List.of("app", "b", "c"), installs(p));
    }

    @Test
    void twoVersionedProvidersOfOneNameAreRefusedWithTheClash() throws Exception {
        // default-jdk on the Debian graph, in small: jre and jre-impl both own runtime=2.
        Repository r = Pkg.repo(Pkg.of("jdk", "1").dep("jre"), Pkg.of("jre", "1").provides("runtime=2").dep("impl"),
                Pkg.of("impl", "1").provides("runtime=2"), Pkg.of("impl", "2").provides("runtime=2"));
        UnsatisfiableException e = assertThrows(UnsatisfiableException.class,
                () -> learner(r).solve(List.of(), SolveRequest.add(Pkg.world("jdk"))));
        assertEquals(Explanation.Cause.PROVIDER_CLASH, e.explanation().cause());
        assertEquals("runtime", e.explanation().name());
        assertTrue(e.getMessage().contains("jre-1 needs impl"), e.getMessage());
    }

    @Test
    void theExplanationSkipsAPackageProvedImpossible() throws Exception {
        // x needs base>=2, met by the real base-3 or by util's versioned provide; base-3 needs util,
        // which owns base too, so base-3 is impossible and util is the way. The real obstacle is
        // further down: util needs bus, which only a virtual provide offers.
        Repository r = Pkg.repo(Pkg.of("x", "1").dep("base>=2"), Pkg.of("base", "3").dep("util"),
                Pkg.of("util", "1").provides("base=2").dep("bus"), Pkg.of("busd", "1").provides("bus"));
        UnsatisfiableException e = assertThrows(UnsatisfiableException.class,
                () -> learner(r).solve(List.of(), SolveRequest.add(Pkg.world("x"))));
        assertEquals(Explanation.Cause.NEEDS_CHOICE, e.explanation().cause(), e.getMessage());
        assertEquals("bus", e.explanation().name());
        Solution p = learner(r).solve(List.of(), SolveRequest.add(Pkg.world("x busd")));
        assertEquals(List.of("busd", "util", "x"), installs(p));
    }
}
