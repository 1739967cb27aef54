package dev.kimigayo.isn.e2e.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.kimigayo.isn.e2e.engine.RootTree;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * Failures leave nothing: an I/O error (ENOSPC, EACCES, EIO, EROFS, ENAMETOOLONG) injected at each
 * step of an upgrade (ISN_FAULT_FAIL_AT=STEP:REASON). Before the commit the root and the database
 * are exactly as they were and the message names the failure and says nothing changed; after it,
 * the new state is complete once the next command ran. Either way the next command works.
 */
class FailureInjectionE2ETest {

    private static final List<String> REASONS = List.of("No space left on device", "Permission denied",
            "Input/output error", "Read-only file system", "File name too long");

    @TempDir
    static Path shared;

    static Fixture fx;

    @TempDir
    Path tmp;

    @BeforeAll
    static void repository() throws Exception {
        fx = Fixture.create(shared);
        fx.publishUpgrade(shared);
    }

    static List<Arguments> faults() {
        List<Arguments> all = new java.util.ArrayList<>();
        String[] steps = {"journal", "staged", "rename-1", "rename-2", "renamed", "committed", "cleaned"};
        for (int i = 0; i < steps.length; i++) {
            all.add(Arguments.of(steps[i], REASONS.get(i % REASONS.size())));
        }
        for (String reason : REASONS) {
            all.add(Arguments.of("rename-1", reason));
        }
        return all;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("faults")
    void upgradeFailingAtEveryStepLeavesOldOrNewStateAndTheNextCommandWorks(String step, String reason)
            throws Exception {
        Path root = tmp.resolve("root");
        fx.run(root, "install", "demo=1.0-r0").assertSuccess();
        RootState before = RootState.of(root);
        IsnResult r = fx.runWith(root, step + ":" + reason, "install", "demo=1.0-r1").assertExit(1);
        assertTrue(r.stderr().contains(reason), r.stderr());
        boolean committed = step.equals("committed") || step.equals("cleaned");
        if (committed) {
            assertTrue(r.stderr().contains("committed"), r.stderr());
        } else {
            assertTrue(r.stderr().contains("nothing was changed"), r.stderr());
            assertEquals(before, RootState.of(root));
            assertEquals(List.of(), RootTree.leftovers(root));
        }
        fx.run(root, "install", "demo=1.0-r1").assertSuccess();
        assertEquals(List.of(), RootTree.leftovers(root));
        assertTrue(fx.run(root, "list").assertSuccess().stdout().contains("demo-1.0-r1"));
    }
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"staged", "rename-1"})
    void runningOutOfMemoryIsSaidInWordsAndTheNextCommandUndoesIt(String step) throws Exception {
        Path root = tmp.resolve("root");
        fx.run(root, "install", "demo=1.0-r0").assertSuccess();
        java.util.Map<String, String> before = RootTree.of(root);
        IsnResult r = fx.runWith(root, step + ":out-of-memory", "install", "--json", "demo=1.0-r1").assertExit(1);
        assertTrue(r.stderr().contains("isn: error: out of memory"), r.stderr());
        assertTrue(r.stderr().contains("ISN_JAVA_OPTS=-Xmx256m"), r.stderr());
        assertTrue(!r.stderr().contains("java.lang") && !r.stderr().contains("Exception"), r.stderr());
        assertTrue(r.stdout().contains("\"code\" : \"out-of-memory\""), r.stdout());
        // The JVM gave up in the middle of the transaction: the journal rolls it back on the next run.
        IsnResult next = fx.run(root, "update").assertSuccess();
        assertTrue(next.stderr().contains("recovered an interrupted transaction"), next.stderr());
        assertEquals(before, RootTree.of(root));
        assertEquals(List.of(), RootTree.leftovers(root));
        assertTrue(fx.run(root, "list").assertSuccess().stdout().contains("demo-1.0-r0"));
    }
}
