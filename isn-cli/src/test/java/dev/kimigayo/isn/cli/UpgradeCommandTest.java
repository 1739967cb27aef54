package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code isn upgrade PKG} that cannot upgrade says why, without {@code --latest}: a constraint in
 * the world or in a dependency, a declared conflict, a pin to untagged repositories, no
 * repository offering it at all; and a name that is not installed is an error.
 */
class UpgradeCommandTest {

    @TempDir
    Path dir;
    SampleRoot s;
    Path newer;

    @BeforeEach
    void newerBusyboxElsewhere() throws Exception {
        s = new SampleRoot(dir);
        newer = dir.resolve("newer");
        s.pack(s.sampleSource("busybox", "1.36.1-r2", "1.37.0-r0", dir.resolve("src/busybox")), newer);
        s.index(newer);
    }

    private void repositories(String... lines) throws Exception {
        Files.writeString(s.root.resolve("etc/isn/repositories"), String.join("\n", lines) + "\n");
    }

    private String warning() {
        return s.cli.err.lines().filter(l -> l.startsWith("isn: warning: busybox 1.36.1-r2 not upgraded: "))
                .findFirst().orElse("none in:\n" + s.cli.err);
    }

    @Test
    void heldBackByWorldConstraint() throws Exception {
        assertEquals(0, s.isn("add", "busybox<1.37"), s.cli.err);
        repositories(s.repo.toUri().toString(), newer.toUri().toString());
        assertEquals(0, s.bare("upgrade", "busybox"), s.cli.err);
        assertEquals("isn: warning: busybox 1.36.1-r2 not upgraded: held back by a constraint: world needs"
                + " busybox<1.37 (1.37.0-r0 is available)", warning());

        assertEquals(0, s.bare("upgrade", "--json", "busybox"), s.cli.err);
        JsonNode held = JsonReport.mapper().readTree(s.cli.out).get("held_back");
        assertEquals(1, held.size(), s.cli.out);
        assertEquals("busybox", held.get(0).get("name").asText());
        assertEquals("1.36.1-r2", held.get(0).get("installed_version").asText());
        assertEquals("1.37.0-r0", held.get(0).get("newest_version").asText());
        assertTrue(held.get(0).get("reason").asText().startsWith("held back by a constraint"), s.cli.out);

        s.bare("add", "busybox");
        assertEquals(0, s.bare("upgrade", "--json", "busybox"), s.cli.err);
        assertEquals(0, JsonReport.mapper().readTree(s.cli.out).get("held_back").size(), "upgraded: " + s.cli.out);
    }

    @Test
    void heldBackByDependencyAndByConflict() throws Exception {
        assertEquals(0, s.isn("add", "--no-scripts", "busybox", "busybox-binsh"), s.cli.err);
        repositories(s.repo.toUri().toString(), newer.toUri().toString());
        assertEquals(0, s.bare("upgrade", "busybox"), s.cli.err);
        assertEquals("isn: warning: busybox 1.36.1-r2 not upgraded: held back by a constraint: world needs"
                + " busybox-binsh; busybox-binsh-1.36.1-r2 needs busybox=1.36.1-r2 (1.37.0-r0 is available)",
                warning());

        s.bare("del", "busybox-binsh");
        Path tool = SampleTool.write(dir.resolve("src/old-tool"), "old-tool", "1-r0", "!busybox>=1.37");
        assertEquals(0, s.bare("add", s.pack(tool, dir.resolve("local")).toString()), s.cli.err);
        assertEquals(0, s.bare("upgrade", "busybox"), s.cli.err);
        assertEquals("isn: warning: busybox 1.36.1-r2 not upgraded: conflict: 1.37.0-r0 is forbidden (world needs"
                + " old-tool=1-r0; old-tool-1-r0 needs !busybox>=1.37)", warning());

        assertEquals(0, s.bare("upgrade", "--json", "old-tool"), s.cli.err);
        JsonNode held = JsonReport.mapper().readTree(s.cli.out).get("held_back").get(0);
        assertNull(held.get("newest_version").textValue());
        assertTrue(held.get("reason").asText().startsWith("no configured repository offers old-tool (it was"
                + " installed from "), s.cli.out);
    }

    @Test
    void pinnedAndNotInstalled() throws Exception {
        assertEquals(0, s.isn("add", "busybox"), s.cli.err);
        repositories(s.repo.toUri().toString(), "@edge " + newer.toUri());
        assertEquals(0, s.bare("upgrade", "busybox"), s.cli.err);
        assertEquals("isn: warning: busybox 1.36.1-r2 not upgraded: pinned: 1.37.0-r0 is only in the repository"
                + " tagged @edge, which the world entry busybox does not allow; 'isn add busybox@edge' allows it",
                warning());

        assertEquals(ExitCodes.FAILED, s.bare("upgrade", "nosuch"));
        assertTrue(s.cli.err.contains("isn: error: cannot upgrade nosuch: no installed package has that name;"),
                s.cli.err);
    }
}
