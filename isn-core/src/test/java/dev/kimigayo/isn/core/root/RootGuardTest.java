package dev.kimigayo.isn.core.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RootGuard on real directories and symlinks: an ancestor that is a symlink anywhere (to outside
 * the root, to inside it, relative or absolute) is refused, except the usr-merge links, which
 * are replaced by their in-root target; the last component is never examined.
 */
class RootGuardTest {

    @TempDir
    Path tmp;
    Path root;
    Path outside;
    RootGuard guard;

    @BeforeEach
    void layout() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createDirectories(root.resolve("usr/lib"));
        Files.createDirectories(root.resolve("usr/share/demo"));
        guard = new RootGuard(root.resolve("./usr/.."));
    }

    @Test
    void realDirectoriesResolveUnderTheRoot() throws Exception {
        assertEquals(root, guard.root());
        assertEquals(root.resolve("usr/share/demo/data.txt"), guard.resolve("usr/share/demo/data.txt"));
        assertEquals(root.resolve("top-level"), guard.resolve("top-level"));
        assertEquals(root.resolve("usr/bin/vim"), guard.resolve(root.resolve("usr/bin/./vim")));
    }

    @Test
    void anAbsentAncestorIsLeftToTheOperation() throws Exception {
        assertEquals(root.resolve("opt/new/dir/file"), guard.resolve("opt/new/dir/file"));
    }

    @Test
    void aSymlinkedAncestorToOutsideIsRefusedNamingTheLink() throws Exception {
        Files.createSymbolicLink(root.resolve("usr/share/evil"), outside);
        SymlinkInPathException e = assertThrows(SymlinkInPathException.class,
                () -> guard.resolve("usr/share/evil/sub/data.txt"));
        assertEquals("usr/share/evil/sub/data.txt", e.path());
        assertEquals("usr/share/evil", e.link());
        assertEquals(outside.toString(), e.target());
        assertTrue(e.getMessage().contains("/usr/share/evil is a symlink"), e.getMessage());
    }

    @Test
    void aSymlinkToInsideTheRootIsRefusedToo() throws Exception {
        Files.createSymbolicLink(root.resolve("etc"), Path.of("usr/share"));
        assertThrows(SymlinkInPathException.class, () -> guard.resolve("etc/demo/x"));
        Files.createSymbolicLink(root.resolve("usr/share/up"), Path.of("../.."));
        assertThrows(SymlinkInPathException.class, () -> guard.resolve("usr/share/up/etc/passwd"));
    }

    @Test
    void theLastComponentIsNotExamined() throws Exception {
        Files.createSymbolicLink(root.resolve("usr/share/link"), outside);
        assertEquals(root.resolve("usr/share/link"), guard.resolve("usr/share/link"));
    }

    @Test
    void aFileOnTheWayIsNotADirectory() throws Exception {
        Files.writeString(root.resolve("usr/share/plain"), "x");
        assertThrows(NotDirectoryException.class, () -> guard.resolve("usr/share/plain/x"));
    }

    @Test
    void usrMergeLinksLeadToTheirTargetInsideTheRoot() throws Exception {
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        Files.createSymbolicLink(root.resolve("lib"), Path.of("/usr/lib"));
        assertEquals(root.resolve("usr/bin/sh"), guard.resolve("bin/sh"));
        // Absolute: the host's /usr/lib is never reached, the root's usr/lib is.
        assertEquals(root.resolve("usr/lib/libc.so"), guard.resolve("lib/libc.so"));
        assertEquals("usr/lib", guard.usrMergeTarget("lib"));
    }

    @Test
    void aUsrMergeNameWithAnotherTargetIsRefused() throws Exception {
        Files.createSymbolicLink(root.resolve("bin"), outside);
        assertNull(guard.usrMergeTarget("bin"));
        assertThrows(SymlinkInPathException.class, () -> guard.resolve("bin/sh"));
        Files.createSymbolicLink(root.resolve("sbin"), Path.of("usr/share"));
        assertThrows(SymlinkInPathException.class, () -> guard.resolve("sbin/x"));
    }

    @Test
    void aUsrMergeLinkWhoseTargetIsItselfALinkIsRefused() throws Exception {
        Files.delete(root.resolve("usr/lib"));
        Files.createSymbolicLink(root.resolve("usr/lib"), outside);
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
        assertNull(guard.usrMergeTarget("lib"));
        assertThrows(SymlinkInPathException.class, () -> guard.resolve("lib/libc.so"));
        assertTrue(Files.list(outside).findAny().isEmpty(), "nothing was created outside");
    }

    @Test
    void aNameThatIsNotAUsrMergeLinkIsNotOne() throws Exception {
        Files.createSymbolicLink(root.resolve("opt"), Path.of("usr/share"));
        assertNull(guard.usrMergeTarget("opt"));
        assertNull(guard.usrMergeTarget("usr/bin"));
    }
    @Test
    void aCachingGuardRefusesLinksAsThePlainOneDoes() throws Exception {
        RootGuard caching = RootGuard.caching(root);
        Files.createSymbolicLink(root.resolve("usr/share/evil"), outside);
        assertThrows(SymlinkInPathException.class, () -> caching.resolve("usr/share/evil/x"));
        assertEquals(root.resolve("usr/share/demo/x"), caching.resolve("usr/share/demo/x"));
    }

    @Test
    void aCachingGuardNeverRemembersAnAbsentDirectory() throws Exception {
        RootGuard caching = RootGuard.caching(root);
        assertEquals(root.resolve("usr/share/new/x"), caching.resolve("usr/share/new/x"));
        // Something appears where nothing was: it is looked at, not assumed absent or real.
        Files.createSymbolicLink(root.resolve("usr/share/new"), outside);
        assertThrows(SymlinkInPathException.class, () -> caching.resolve("usr/share/new/x"));
    }

    @Test
    void aForgottenDirectoryIsLookedAtAgain() throws Exception {
        RootGuard caching = RootGuard.caching(root);
        assertEquals(root.resolve("usr/share/demo/sub/x"), caching.resolve("usr/share/demo/sub/x"));
        // A rename replaces the directory with a link (as a commit's renames may): the caller forgets it.
        Files.move(root.resolve("usr/share/demo"), tmp.resolve("moved-away"));
        Files.createSymbolicLink(root.resolve("usr/share/demo"), outside);
        caching.forget(root.resolve("usr/share/demo"));
        assertThrows(SymlinkInPathException.class, () -> caching.resolve("usr/share/demo/sub/x"));
    }

    @Test
    void forgettingADirectoryForgetsWhatLiesBelowIt() throws Exception {
        Files.createDirectories(root.resolve("usr/share/demo/sub"));
        RootGuard caching = RootGuard.caching(root);
        caching.resolve("usr/share/demo/sub/x");
        Files.move(root.resolve("usr/share/demo"), tmp.resolve("moved-away"));
        Files.createDirectories(root.resolve("usr/share/demo"));
        Files.createSymbolicLink(root.resolve("usr/share/demo/sub"), outside);
        caching.forget(root.resolve("usr/share/demo"));
        assertThrows(SymlinkInPathException.class, () -> caching.resolve("usr/share/demo/sub/x"));
    }

    @Test
    void aPlainGuardRemembersNothing() throws Exception {
        guard.resolve("usr/share/demo/x");
        Files.move(root.resolve("usr/share/demo"), tmp.resolve("moved-away"));
        Files.createSymbolicLink(root.resolve("usr/share/demo"), outside);
        assertThrows(SymlinkInPathException.class, () -> guard.resolve("usr/share/demo/x"));
    }
}
