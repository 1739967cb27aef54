package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kimigayo.isn.crypto.Sha256;

/**
 * install, upgrade and remove run in-process through {@code Main.run}: the JSON shows the exact
 * packages of the plan that is committed, and a dry run (even with {@code -X} and {@code --initdb})
 * leaves every file under the root as it was.
 */
class PlanCommandsTest {

    @TempDir
    Path dir;

    @Test
    void installUpgradeRemoveShowTheExactPlannedPackages() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        assertEquals(0, s.isn("add", "--json", "busybox"), s.cli.err);
        JsonNode doc = JsonReport.mapper().readTree(s.cli.out);
        JsonNode busybox = step(doc, "busybox").get("package");
        assertEquals("1.36.1-r2", busybox.get("version").asText());
        assertEquals("repository", busybox.get("source").get("type").asText());
        assertEquals(s.repo.toUri().toString(), busybox.get("source").get("repository").asText());
        Path file = s.repo.resolve(busybox.get("source").get("file").asText());
        assertEquals(Sha256.ofFile(file), busybox.get("sha256").asText());
        assertEquals(Files.size(file), busybox.get("size").asLong());
        assertTrue(busybox.get("source").get("serial").asLong() > 0, s.cli.out);
        assertEquals("busybox", doc.get("world").get(0).asText());
        assertEquals(64, doc.get("state").asText().length());
        assertTrue(Files.exists(s.root.resolve("bin/busybox")));

        Path newer = dir.resolve("newer");
        s.pack(s.sampleSource("busybox", "1.36.1-r2", "1.37.0-r0", dir.resolve("src/busybox")), newer);
        s.index(newer);
        Files.writeString(s.root.resolve("etc/isn/repositories"), s.repo.toUri() + "\n" + newer.toUri() + "\n");
        assertEquals(0, s.bare("upgrade", "--json"), s.cli.err);
        JsonNode up = step(JsonReport.mapper().readTree(s.cli.out), "busybox");
        assertEquals("upgrade", up.get("action").asText());
        assertEquals(newer.toUri().toString(), up.get("package").get("source").get("repository").asText());

        assertEquals(0, s.bare("del", "--json", "busybox"), s.cli.err);
        JsonNode gone = step(JsonReport.mapper().readTree(s.cli.out), "busybox");
        assertEquals("remove", gone.get("action").asText());
        assertTrue(gone.get("package").isNull(), s.cli.out);
        assertFalse(Files.exists(s.root.resolve("bin/busybox")));
    }

    @Test
    void aDryRunWritesNothingAnywhereUnderTheRoot() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        assertEquals(0, s.isn("add", "--dry-run", "--json", "vim"), s.cli.err);
        assertTrue(JsonReport.mapper().readTree(s.cli.out).get("dry_run").asBoolean());
        assertFalse(Files.exists(s.root), "--initdb -X --dry-run created nothing");

        assertEquals(0, s.isn("add", "busybox"), s.cli.err);
        Map<String, String> before = snapshot(s.root);
        assertEquals(0, s.isn("add", "--dry-run", "vim"), s.cli.err);
        assertTrue(s.cli.err.contains("dry run: "), s.cli.err);
        assertEquals(0, s.isn("del", "--dry-run", "busybox"), s.cli.err);
        assertEquals(0, s.isn("upgrade", "--dry-run", "--json"), s.cli.err);
        assertEquals(before, snapshot(s.root));
    }

    private static JsonNode step(JsonNode doc, String name) {
        for (JsonNode c : doc.get("changes")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no change of " + name + " in " + doc);
    }

    /** Every path with its content hash and modification time. */
    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String time = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toString();
                all.put(root.relativize(p).toString(), Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        ? java.util.Arrays.hashCode(Files.readAllBytes(p)) + " " + time : time);
            }
        }
        return all;
    }
}
