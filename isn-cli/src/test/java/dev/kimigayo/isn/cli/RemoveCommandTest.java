package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code isn del} tells the truth: unknown names fail, kept packages are named with what keeps them. */
class RemoveCommandTest {

    @TempDir
    Path dir;
    SampleRoot s;

    @BeforeEach
    void installBusybox() throws Exception {
        s = new SampleRoot(dir);
        assertEquals(0, s.isn("add", "busybox"), s.cli.err);
    }

    private String world() throws Exception {
        return Files.readString(s.root.resolve("etc/isn/world"));
    }

    @Test
    void unknownNameFailsAndChangesNothing() throws Exception {
        assertEquals(ExitCodes.FAILED, s.isn("del", "busybox", "nosuch"));
        assertTrue(s.cli.err.contains("isn: error: cannot remove nosuch: no installed package has that name;"
                + " nothing was changed"), s.cli.err);
        assertEquals("busybox\n", world());
        assertTrue(Files.exists(s.root.resolve("bin/busybox")));

        assertEquals(ExitCodes.FAILED, s.isn("del", "--json", "nosuch", "other"));
        JsonNode doc = JsonReport.mapper().readTree(s.cli.out);
        assertEquals("not-installed", doc.at("/error/code").asText());
        assertEquals(1, doc.at("/error/exit_code").asInt());
        assertTrue(doc.at("/error/message").asText().startsWith("cannot remove nosuch, other:"), s.cli.out);
    }

    @Test
    void packageStillNeededIsNamedWithWhatKeepsIt() throws Exception {
        assertEquals(0, s.isn("del", "musl"));
        assertTrue(s.cli.err.contains("isn: warning: musl not removed due to: busybox\n"), s.cli.err);
        assertTrue(Files.exists(s.root.resolve("lib/ld-musl-x86_64.so.1")), "musl stays");

        assertEquals(0, s.isn("del", "--json", "musl"));
        JsonNode kept = JsonReport.mapper().readTree(s.cli.out).get("not_removed");
        assertEquals(1, kept.size(), s.cli.out);
        assertEquals("musl", kept.get(0).get("name").asText());
        assertEquals("busybox", kept.get(0).get("required_by").get(0).asText());
    }

    @Test
    void removingWhatIsInstalledStillWorks() throws Exception {
        assertEquals(0, s.isn("del", "--json", "busybox"));
        assertEquals(0, JsonReport.mapper().readTree(s.cli.out).get("not_removed").size(), s.cli.out);
        assertEquals("", world());
        assertTrue(Files.notExists(s.root.resolve("bin/busybox")));
    }
}
