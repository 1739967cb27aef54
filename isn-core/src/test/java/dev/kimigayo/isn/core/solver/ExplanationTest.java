package dev.kimigayo.isn.core.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.solver.Explanation.Cause;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each refusal names its cause: one test per conflict shape, asserting the facts the explanation carries. */
class ExplanationTest {

    private static UnsatisfiableException refuse(List<Repository> repos, String add) {
        return assertThrows(UnsatisfiableException.class,
                () -> Solver.solve(repos, List.of(), "x86_64", List.of(), SolveRequest.add(Pkg.world(add))));
    }

    private static void contains(String text, String... facts) {
        for (String f : facts) {
            assertTrue(text.contains(f), "missing '" + f + "' in:\n" + text);
        }
    }

    @Test
    void nameInNoIndexSuggestsUpdate() throws Exception {
        UnsatisfiableException e = refuse(List.of(Pkg.repo(Pkg.of("a", "1"))), "a nonexistent");
        Explanation x = e.explanation();
        assertEquals(Cause.NOT_IN_INDEX, x.cause());
        assertEquals("nonexistent", x.name());
        assertEquals(List.of("nonexistent"), x.worldEntries());
        assertEquals("unsatisfiable", e.code());
        assertEquals(IsnException.Kind.UNSATISFIABLE, e.kind());
        contains(e.getMessage(), "nonexistent is not in any index", "isn update");
    }

    @Test
    void blamesTheRealBlockerNotAConflictThatAnotherVersionAvoided() throws Exception {
        // a-2 fails (x is missing) but a-1 works; what really blocks the plan is b.
        Repository r = Pkg.repo(Pkg.of("a", "2").dep("x=1"), Pkg.of("a", "1"), Pkg.of("b", "1").dep("missing"));
        Explanation x = refuse(List.of(r), "a b").explanation();
        assertEquals(Cause.NOT_IN_INDEX, x.cause());
        assertEquals("missing", x.name());
        assertEquals(List.of("b"), x.worldEntries());
    }

    @Test
    void missingDependencyDeepInAChainShowsTheChain() throws Exception {
        UnsatisfiableException e = refuse(List.of(Pkg.repo(Pkg.of("x", "1").dep("y"), Pkg.of("y", "2").dep("z>=3"))),
                "x");
        Explanation x = e.explanation();
        assertEquals(Cause.NOT_IN_INDEX, x.cause());
        assertEquals("z", x.name());
        assertEquals(List.of(new Explanation.Link("x-1", "y"), new Explanation.Link("y-2", "z>=3")),
                x.requirements().get(0).chain());
        contains(e.getMessage(), "world needs x; x-1 needs y; y-2 needs z>=3", "z is not in any index");
    }

    @Test
    void noMatchingVersionListsTheVersionsThatExist() throws Exception {
        UnsatisfiableException e = refuse(List.of(Pkg.repo(Pkg.of("a", "1.0"), Pkg.of("a", "2.0"))), "a>2.0");
        Explanation x = e.explanation();
        assertEquals(Cause.NO_MATCHING_VERSION, x.cause());
        assertEquals(List.of("1.0", "2.0"), x.versions());
        contains(e.getMessage(), "no version of a satisfies a>2.0", "a exists in the indexes as: 1.0, 2.0");
    }

    @Test
    void twoRequirementsWithNoCommonVersion() throws Exception {
        Repository r = Pkg.repo(Pkg.of("a", "3").dep("b c d>1.5"), Pkg.of("b", "1").dep("c d<2.0"),
                Pkg.of("c", "1").dep("d>1.0"), Pkg.of("d", "1.0"), Pkg.of("d", "1.5"), Pkg.of("d", "2.0"));
        UnsatisfiableException e = refuse(List.of(r), "a d>1.5");
        Explanation x = e.explanation();
        assertEquals(Cause.VERSION_CONFLICT, x.cause());
        assertEquals("d", x.name());
        assertEquals(List.of("1.0", "1.5", "2.0"), x.versions());
        assertTrue(x.worldEntries().containsAll(List.of("a", "d>1.5")), x.worldEntries().toString());
        contains(e.getMessage(), "b-1 needs d<2.0", "no version of d satisfies both d>1.5 and d<2.0",
                "world entries d>1.5, a cannot be satisfied together");
    }

    @Test
    void packageDeclaresAConflictWithAWorldEntry() throws Exception {
        Repository r = Pkg.repo(Pkg.of("a", "1").dep("!b>1"), Pkg.of("b", "1"), Pkg.of("b", "2"));
        UnsatisfiableException e = refuse(List.of(r), "a b>1");
        Explanation x = e.explanation();
        assertEquals(Cause.DECLARED_CONFLICT, x.cause());
        assertEquals(List.of("a-1", "b-2"), x.packages());
        assertEquals("!b>1", x.detail());
        contains(e.getMessage(), "a-1 needs !b>1", "world needs b>1", "a-1 declares the conflict !b>1, and b-2");
    }

    @Test
    void worldForbidsWhatADependencyNeeds() throws Exception {
        Repository r = Pkg.repo(Pkg.of("a", "1").dep("b"), Pkg.of("b", "1"));
        UnsatisfiableException e = refuse(List.of(r), "a !b");
        Explanation x = e.explanation();
        assertEquals(Cause.DECLARED_CONFLICT, x.cause());
        assertEquals(List.of("!b", "a"), x.worldEntries());
        contains(e.getMessage(), "the world entry !b forbids b-1", "a-1 needs b");
    }

    @Test
    void twoVersionsOfOneLibraryNeededThroughProvides() throws Exception {
        Repository r = Pkg.repo(Pkg.of("libfoo", "1").provides("so:foo.so.1=1.0"),
                Pkg.of("libfoo", "2").provides("so:foo.so.2=1.0"), Pkg.of("app", "2").dep("so:foo.so.1"),
                Pkg.of("app2", "2").dep("so:foo.so.2"));
        UnsatisfiableException e = refuse(List.of(r), "app app2");
        Explanation x = e.explanation();
        assertEquals(Cause.PROVIDER_CLASH, x.cause());
        assertEquals(List.of("libfoo-1", "libfoo-2"), x.packages());
        contains(e.getMessage(), "app-2 needs so:foo.so.1", "app2-2 needs so:foo.so.2",
                "libfoo-1 and libfoo-2 both provide libfoo");
    }

    @Test
    void twoPackagesProvideOneVersionedName() throws Exception {
        Repository r = Pkg.repo(Pkg.of("server-a", "1").provides("theservice=1"),
                Pkg.of("server-b", "1").provides("theservice=2"));
        Explanation x = refuse(List.of(r), "server-a server-b").explanation();
        assertEquals(Cause.PROVIDER_CLASH, x.cause());
        assertEquals("theservice", x.name());
        assertEquals(List.of("server-a", "server-b"), x.worldEntries());
    }

    @Test
    void packageThatConflictsWithItself() throws Exception {
        Repository r = Pkg.repo(Pkg.of("selfish", "1").provides("thing=2 thing=3"));
        UnsatisfiableException e = refuse(List.of(r), "selfish");
        assertEquals(Cause.SELF_CONFLICT, e.explanation().cause());
        contains(e.getMessage(), "selfish-1 can never be installed: it provides thing twice");
    }

    @Test
    void virtualNameWithoutPriorityNeedsAChoice() throws Exception {
        Repository r = Pkg.repo(Pkg.of("testp", "1").provides("foopkg"), Pkg.of("testq", "1").provides("foopkg"),
                Pkg.of("testr", "1").dep("foopkg"));
        UnsatisfiableException e = refuse(List.of(r), "testr");
        Explanation x = e.explanation();
        assertEquals(Cause.NEEDS_CHOICE, x.cause());
        assertEquals("foopkg", x.name());
        assertEquals(List.of("testp-1", "testq-1"), x.packages());
        contains(e.getMessage(), "testr-1 needs foopkg", "provided by testp-1, testq-1", "choose one explicitly");
    }

    @Test
    void onlyBuildForAnotherArchitecture() throws Exception {
        UnsatisfiableException e = refuse(List.of(Pkg.repo(Pkg.of("tool", "1").arch("aarch64"))), "tool");
        assertEquals(Cause.WRONG_ARCH, e.explanation().cause());
        contains(e.getMessage(), "tool-1 is built for aarch64 (this system is x86_64)");
    }

    @Test
    void onlyInATaggedRepositoryNotAskedFor() throws Exception {
        Repository main = Pkg.repo(Pkg.of("c", "2"));
        Repository testing = new Repository("testing", true, List.of(Pkg.of("c", "3").build()));
        UnsatisfiableException e = refuse(List.of(main, testing), "c>=3");
        Explanation x = e.explanation();
        assertEquals(Cause.TAG_NOT_ALLOWED, x.cause());
        assertEquals("@testing", x.detail());
        contains(e.getMessage(), "c-3 is only in the tagged repository @testing", "c@<tag>");
    }

    @Test
    void onlyInAnUnavailableRepository() throws Exception {
        Repository offline = new Repository(null, false, List.of(Pkg.of("a", "1").build()));
        UnsatisfiableException e = refuse(List.of(offline), "a");
        assertEquals(Cause.NOT_AVAILABLE, e.explanation().cause());
        contains(e.getMessage(), "a-1 cannot be fetched from any enabled repository");
    }

    @Test
    void latestVersionDoesNotFit() throws Exception {
        Repository r = Pkg.repo(Pkg.of("a", "1"), Pkg.of("a", "2"));
        UnsatisfiableException e = assertThrows(UnsatisfiableException.class, () -> Solver.solve(List.of(r),
                List.of(), "x86_64", Pkg.world("a<2"), SolveRequest.upgrade(List.of()).withLatest(true)));
        assertEquals(Cause.LATEST_UNSUITABLE, e.explanation().cause());
        contains(e.getMessage(), "the newest a is 2, and it does not satisfy a<2");
    }
}
