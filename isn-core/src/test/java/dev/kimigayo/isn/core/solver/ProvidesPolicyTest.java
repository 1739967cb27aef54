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

    private Solution solve(ProvidesPolicy policy, String add) throws Exception {
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

    private static List<String> names(Repository r, String add) throws Exception {
        return Solver.prepare(List.of(r), List.of(), "x86_64").solve(List.of(), SolveRequest.add(Pkg.world(add)))
                .changes().stream().map(Change::name).sorted().toList();
    }

    @Test
    void aProvideWithoutVersionOwnsNothing() throws Exception {
        // Debian's emacs: the metapackage emacs needs emacs-gtk, which provides emacs unversioned.
        Repository r = Pkg.repo(Pkg.of("emacs", "5").dep("emacs-gtk>=2"),
                Pkg.of("emacs-gtk", "4").provides("emacs editor"),
                Pkg.of("nano", "2").provides("editor"), Pkg.of("tools", "1").dep("nano emacs"));
        assertEquals(List.of("emacs", "emacs-gtk"), names(r, "emacs"));
        // two unversioned providers of editor, and the real emacs, all at once
        assertEquals(List.of("emacs", "emacs-gtk", "nano", "tools"), names(r, "tools"));
    }

    @Test
    void aProvideWithVersionOwnsTheNameAgainstThePackageOfThatName() throws Exception {
        Repository r = Pkg.repo(Pkg.of("mta", "1"), Pkg.of("postfix", "3").provides("mta=2"),
                Pkg.of("site", "1").dep("mta=1 postfix"));
        UnsatisfiableException e = assertThrows(UnsatisfiableException.class, () -> names(r, "site"));
        assertEquals(Explanation.Cause.PROVIDER_CLASH, e.explanation().cause());
        assertEquals("mta", e.explanation().name());
        assertEquals(List.of("postfix"), names(r, "postfix"));
    }
}
