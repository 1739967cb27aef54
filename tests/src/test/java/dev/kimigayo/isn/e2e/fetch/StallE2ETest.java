package dev.kimigayo.isn.e2e.fetch;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.engine.RootTree;
import dev.kimigayo.isn.e2e.engine.ServedSample;
import dev.kimigayo.isn.e2e.harness.Fault;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * A server that goes silent mid-body: {@code --timeout} bounds the wait, isn fails with the fetch
 * exit code naming the URL and the timeout, and the root, its database and its caches are byte
 * for byte as before.
 */
class StallE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 4 attempts of 1 s each, 1 + 2 + 4 s of backoff, JVM start-ups: far below 4 × the default 30 s. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @RegisterExtension
    static final ServedSample SAMPLE = new ServedSample();

    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        SAMPLE.server().clearFaults();
    }

    private static IsnResult at(Path root, String... args) throws Exception {
        return isn().runAt(root, args);
    }

    private Path updatedRoot() throws Exception {
        return SAMPLE.updatedRoot(tmp.resolve("root"), SAMPLE.server().baseUri().toString());
    }

    @Test
    void stalledPackageDownloadFailsWithinTheTimeoutAndChangesNothing() throws Exception {
        Path root = updatedRoot();
        Map<String, String> before = RootTree.withState(root);
        SAMPLE.server().fault("/" + SAMPLE.vimFile(), new Fault.StallAfter(100));

        IsnResult r = at(root, "--timeout", "1", "install", "vim").assertExit(5);

        assertTrue(r.elapsed().compareTo(BOUND) < 0, r::describe);
        assertTrue(r.stderr().contains("isn: error: no data from " + SAMPLE.server().uri("/" + SAMPLE.vimFile())
                + " for 1 s after 100 of "), r::describe);
        assertTrue(r.stderr().contains("with --timeout"), r::describe);
        assertTrue(r.stderr().contains("(gave up after 4 attempts)"), r::describe);
        assertEquals(4, SAMPLE.server().hits("/" + SAMPLE.vimFile()));
        assertEquals(before, ServedSample.withoutPackageCache(root), "root, database and index cache unchanged");
        assertEquals(List.of(), ServedSample.partials(root));
        assertCachedPackagesComplete(root);
    }

    @Test
    void stalledIndexDuringUpdateFailsWithinTheTimeoutAndKeepsTheCachedIndex() throws Exception {
        Path root = updatedRoot();
        Map<String, String> before = RootTree.withState(root);
        SAMPLE.server().fault("/index.json", new Fault.StallAfter(10));

        IsnResult r = at(root, "update", "--json", "--timeout", "1").assertExit(5);

        assertTrue(r.elapsed().compareTo(BOUND) < 0, r::describe);
        JsonNode error = JSON.readTree(r.stdout()).get("error");
        assertEquals("fetch-stalled", error.get("code").asText(), error::toString);
        assertEquals(5, error.get("exit_code").asInt());
        assertTrue(error.get("message").asText().startsWith("no data from " + SAMPLE.server().uri("/index.json")
                + " for 1 s after 10 of "), error::toString);
        assertEquals(before, RootTree.withState(root), "root, database and cached index unchanged");
        assertEquals(List.of(), ServedSample.partials(root));
    }

    @Test
    void aServerThatNeverAnswersIsAbandonedAfterTheTimeout() throws Exception {
        Path root = updatedRoot();
        Map<String, String> before = RootTree.withState(root);
        SAMPLE.server().fault("/index.json", new Fault.StallHeaders());

        IsnResult r = at(root, "--timeout", "1", "update").assertExit(5);

        assertTrue(r.elapsed().compareTo(BOUND) < 0, r::describe);
        assertTrue(r.stderr().contains("isn: error: no response to " + SAMPLE.server().uri("/index.json") + " within 1 s"),
                r::describe);
        assertEquals(before, RootTree.withState(root));
    }

    @Test
    void theTimeoutMustBePositive() throws Exception {
        Path root = updatedRoot();
        IsnResult r = at(root, "--timeout", "0", "update").assertExit(2);
        assertTrue(r.stderr().contains("--timeout must be a positive number of seconds, not 0"), r::describe);
    }

    /** Every package kept in the cache is the repository's file, byte for byte (never a partial one). */
    private static void assertCachedPackagesComplete(Path root) throws Exception {
        Path cache = root.resolve("var/cache/isn/packages");
        if (!Files.exists(cache)) {
            return;
        }
        try (Stream<Path> s = Files.list(cache)) {
            for (Path p : s.toList()) {
                assertTrue(Arrays.equals(Files.readAllBytes(SAMPLE.repo().repo.resolve(p.getFileName())), Files.readAllBytes(p)),
                        "cached " + p.getFileName() + " equals the repository's");
                assertTrue(!p.getFileName().toString().equals(SAMPLE.vimFile()), "the stalled package is not cached");
            }
        }
    }
}
