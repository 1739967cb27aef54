package dev.kimigayo.isn.core.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** apk's exclusive versioned provides against Debian's shared ones. */
class ProvidesPolicyTest {
    private final Repository repo;

    ProvidesPolicyTest() throws Exception {
        repo = Pkg.repo(Pkg.of("portal-gnome", "2").provides("portal-backend=1"),
                Pkg.of("portal-gtk", "1").provides("portal-backend=2"),
                Pkg.of("desktop", "1").dep("portal-gnome portal-gtk"),
                Pkg.of("phone", "1").provides("libphone-proto"), Pkg.of("contacts", "1").dep("libphone-proto"));
    }

    private Plan solve(ProvidesPolicy policy, String add) throws Exception {
        return Solver.prepare(List.of(repo), List.of(), "x86_64", policy).solve(List.of(),
                SolveRequest.add(Pkg.world(add)));
    }

    @Test
    void exclusiveRefusesTwoProvidersOfOneVersionedName() {
        UnsatisfiableException e = assertThrows(UnsatisfiableException.class,
                () -> solve(ProvidesPolicy.EXCLUSIVE, "desktop"));
        assertEquals(Explanation.Cause.PROVIDER_CLASH, e.explanation().cause());
        assertEquals("portal-backend", e.explanation().name());
    }

    @Test
    void sharedAllowsThemAndPicksAnOnlyVirtualProvider() throws Exception {
        assertEquals(List.of("portal-gnome", "portal-gtk", "desktop"),
                solve(ProvidesPolicy.SHARED, "desktop").changes().stream().map(Change::name).toList());
        assertEquals(List.of("phone", "contacts"),
                solve(ProvidesPolicy.SHARED, "contacts").changes().stream().map(Change::name).toList());
        assertThrows(UnsatisfiableException.class, () -> solve(ProvidesPolicy.EXCLUSIVE, "contacts"));
    }
}
