package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --interactive} with no terminal (the test JVM's stdin is a pipe): refused as a usage
 * error before anything is touched, instead of going ahead without the promised question.
 */
class InteractiveTest {

    @TempDir
    Path dir;

    @Test
    void refusedWithoutTerminalAndNothingChanges() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        assertEquals(ExitCodes.USAGE, s.isn("-i", "add", "busybox"));
        assertTrue(s.cli.err.contains("isn: error: --interactive needs a terminal to ask on, and stdin is not one;"
                + " nothing was changed"), s.cli.err);
        assertTrue(Files.notExists(s.root), "not even --initdb ran");

        assertEquals(0, s.isn("add", "busybox"), s.cli.err);
        byte[] db = Files.readAllBytes(s.root.resolve("var/lib/isn/isn.db"));
        assertEquals(ExitCodes.USAGE, s.isn("--interactive", "del", "busybox"));
        assertEquals(ExitCodes.USAGE, s.isn("del", "-i", "--json", "busybox"));
        assertTrue(s.cli.out.contains("\"code\" : \"no-terminal\""), s.cli.out);
        assertTrue(Files.exists(s.root.resolve("bin/busybox")));
        assertEquals("busybox\n", Files.readString(s.root.resolve("etc/isn/world")));
        assertEquals(java.util.Arrays.hashCode(db),
                java.util.Arrays.hashCode(Files.readAllBytes(s.root.resolve("var/lib/isn/isn.db"))));
    }

    @Test
    void yesOrDryRunNeedNoQuestion() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        assertEquals(0, s.isn("-i", "add", "--dry-run", "busybox"), s.cli.err);
        assertEquals(0, s.isn("-i", "-y", "add", "busybox"), s.cli.err);
        assertTrue(Files.exists(s.root.resolve("bin/busybox")));
    }
}
