package dev.kimigayo.isn.e2e.engine;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.harness.Fault;
import dev.kimigayo.isn.e2e.harness.IsnResult;
import dev.kimigayo.isn.e2e.harness.RunningIsn;

/**
 * Ctrl-C and SIGTERM (docs/transactions.md, "Signals"): during a download isn stops it at once,
 * deletes the partial file and leaves root and database byte for byte as they were; during a
 * commit held at a step (ISN_FAULT_PAUSE_AT) it rolls back before the commit point and completes
 * the commit after it. Every case exits 130, says which on stderr, leaves no temporary and no
 * pending journal, and the next command works.
 */
class SignalE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final ServedSample SAMPLE = new ServedSample();

    @TempDir
    Path tmp;

    private Path updatedRoot(String url) throws Exception {
        return SAMPLE.updatedRoot(tmp.resolve("root"), url);
    }

    @Test
    void sigintDuringADownloadStopsAtOnceAndChangesNothing() throws Exception {
        Path root = updatedRoot(SAMPLE.server().baseUri().toString());
        Map<String, String> before = ServedSample.withoutPackageCache(root);
        SAMPLE.server().fault("/" + SAMPLE.vimFile(), new Fault.StallAfter(100));
        try {
            RunningIsn running = isn().start("--root", root.toString(), "--timeout", "60", "install", "--json", "vim");
            awaitTrue(() -> SAMPLE.server().hits("/" + SAMPLE.vimFile()) >= 1, running);
            Thread.sleep(300); // the first 100 bytes are in the partial file
            signal(running, "INT");
            IsnResult r = running.await();

            r.assertExit(130);
            assertTrue(r.elapsed().compareTo(WAIT) < 0, "did not wait for the 60 s stall timeout: " + r.describe());
            assertTrue(r.stderr().contains("isn: error: cancelled while downloading; the partial downloads were"
                    + " deleted and nothing was changed"), r::describe);
            JsonNode error = JSON.readTree(r.stdout()).get("error");
            assertEquals("cancelled", error.get("code").asText(), error::toString);
            assertEquals("cancelled", error.get("kind").asText(), error::toString);
            assertEquals(130, error.get("exit_code").asInt());
            assertEquals(1, SAMPLE.server().hits("/" + SAMPLE.vimFile()), "no retry after the signal");
        } finally {
            SAMPLE.server().clearFaults();
        }
        assertEquals(before, ServedSample.withoutPackageCache(root), "root, database and index cache unchanged");
        assertEquals(List.of(), ServedSample.partials(root));
        assertFalse(Files.exists(root.resolve("var/cache/isn/packages/" + SAMPLE.vimFile())), "no partial vim cached");

        IsnResult next = isn().runAt(root, "install", "vim").assertSuccess();
        assertFalse(next.stderr().contains("recovered"), next::describe);
        assertTrue(Files.exists(root.resolve("usr/bin/vim")));
    }

    @Test
    void sigtermBeforeTheCommitPointRollsBack() throws Exception {
        Path root = updatedRoot(SAMPLE.repo().url());
        Map<String, String> before = RootTree.of(root);

        IsnResult r = interruptAt(root, "staged", "TERM");

        r.assertExit(130);
        assertTrue(r.stderr().contains("isn: error: cancelled before the commit point; the transaction was rolled"
                + " back and nothing was changed"), r::describe);
        assertEquals(before, RootTree.of(root), "the root is exactly the old one");
        assertEquals(List.of(), RootTree.leftovers(root));
        assertEquals(List.of(), installed(root));
        assertNoPendingJournal(root);
    }

    @Test
    void sigintAfterTheCommitPointCompletesTheCommit() throws Exception {
        Path root = updatedRoot(SAMPLE.repo().url());

        IsnResult r = interruptAt(root, "rename-1", "INT");

        r.assertExit(130);
        assertTrue(r.stderr().contains("isn: interrupted by SIGINT, but the command had gone past the point where"
                + " stopping is safe and was completed"), r::describe);
        assertFalse(r.stderr().contains("isn: error:"), r::describe);
        assertTrue(Files.exists(root.resolve("usr/bin/vim")), "the root is the new one");
        assertEquals(List.of(), RootTree.leftovers(root));
        assertTrue(installed(root).contains("vim"), "the database has the new state");
        assertNoPendingJournal(root);
    }

    /** Installs vim held at {@code step}, sends SIG{@code signal} once it is there, and waits for the exit. */
    private static IsnResult interruptAt(Path root, String step, String signal) throws Exception {
        RunningIsn running = isn().withEnv("ISN_FAULT_PAUSE_AT", step)
                .start("--root", root.toString(), "install", "vim");
        awaitTrue(() -> running.stderrSoFar().contains("isn: fault injection: paused at " + step), running);
        signal(running, signal);
        return running.await();
    }

    /** The launcher execs java, so the process's pid is the JVM's. */
    private static void signal(RunningIsn running, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(running.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check, RunningIsn running) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!check.holds()) {
            if (!running.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("isn never got there: " + running.kill().describe());
            }
            Thread.sleep(20);
        }
    }

    /** The next writing command finds no journal to recover: the interrupted one left none pending. */
    private static void assertNoPendingJournal(Path root) throws Exception {
        IsnResult next = isn().runAt(root, "update").assertSuccess();
        assertFalse(next.stderr().contains("recovered an interrupted transaction"), next::describe);
    }

    private static List<String> installed(Path root) throws Exception {
        return InstallE2ETest.names(JSON.readTree(isn().runAt(root, "list", "--json").assertSuccess().stdout())
                .get("packages"));
    }
}
