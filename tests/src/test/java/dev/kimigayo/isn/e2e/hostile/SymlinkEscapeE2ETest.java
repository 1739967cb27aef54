package dev.kimigayo.isn.e2e.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * Nothing outside the root, ever: a directory of an installed package swapped for a symlink to a
 * directory outside the root. Removal skips what is behind the link (and says so); upgrade and
 * fix, which would write through it, are refused (exit 4) with root and database unchanged;
 * install refuses a symlinked ancestor that was there before. The outside file always survives.
 */
class SymlinkEscapeE2ETest {

    @TempDir
    static Path shared;

    static Fixture fx;

    @TempDir
    Path tmp;

    Path root;
    Path outside;

    @BeforeAll
    static void repository() throws Exception {
        fx = Fixture.create(shared);
        fx.publishUpgrade(shared);
    }

    @BeforeEach
    void outsideTheRoot() throws Exception {
        root = tmp.resolve("root");
        outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("data.txt"), "precious, outside the root\n");
    }

    /** Installs demo-1.0-r0, then swaps usr/share/demo for a symlink to the outside directory. */
    private void installAndSwap() throws Exception {
        fx.run(root, "install", "demo=1.0-r0").assertSuccess();
        Path dir = root.resolve("usr/share/demo");
        Files.delete(dir.resolve("data.txt"));
        Files.delete(dir);
        Files.createSymbolicLink(dir, outside);
    }

    private void assertOutsideUntouched() throws Exception {
        try (var files = Files.list(outside)) {
            assertEquals(1, files.count(), "a file appeared or vanished outside the root");
        }
        assertEquals("precious, outside the root\n", Files.readString(outside.resolve("data.txt")));
    }

    @Test
    void removeSkipsWhatIsBehindTheSymlinkAndSaysSo() throws Exception {
        installAndSwap();
        IsnResult r = fx.run(root, "remove", "demo").assertSuccess();
        assertTrue(r.stderr().contains("/usr/share/demo is now a symlink"), r.stderr());
        assertOutsideUntouched();
        assertTrue(Files.isSymbolicLink(root.resolve("usr/share/demo")));
        assertTrue(!Files.exists(root.resolve("usr/bin/demo"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void upgradeThroughTheSymlinkIsRefused() throws Exception {
        installAndSwap();
        RootState before = RootState.of(root);
        IsnResult r = fx.run(root, "upgrade", "demo").assertExit(4);
        assertTrue(r.stderr().contains("/usr/share/demo") && r.stderr().contains("symlink"), r.stderr());
        assertEquals(before, RootState.of(root));
        assertOutsideUntouched();
    }

    @Test
    void fixThroughTheSymlinkIsRefused() throws Exception {
        installAndSwap();
        RootState before = RootState.of(root);
        IsnResult r = fx.run(root, "fix", "demo").assertExit(4);
        assertTrue(r.stderr().contains("/usr/share/demo") && r.stderr().contains("symlink"), r.stderr());
        assertEquals(before, RootState.of(root));
        assertOutsideUntouched();
    }

    @Test
    void installThroughAPreExistingSymlinkedAncestorIsRefused() throws Exception {
        fx.run(root, "update").assertSuccess();
        Files.createDirectories(root.resolve("usr"));
        Files.createSymbolicLink(root.resolve("usr/share"), outside);
        RootState before = RootState.of(root);
        IsnResult r = fx.run(root, "install", "demo").assertExit(4);
        assertTrue(r.stderr().contains("/usr/share") && r.stderr().contains("symlink"), r.stderr());
        assertEquals(before, RootState.of(root));
        assertOutsideUntouched();
    }
}
