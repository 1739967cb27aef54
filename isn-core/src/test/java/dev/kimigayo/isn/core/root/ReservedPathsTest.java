package dev.kimigayo.isn.core.root;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which paths a package may never install, and that ordinary paths (and keys) stay allowed. */
class ReservedPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"var/lib/isn", "var/lib/isn/isn.db", "var/lib/isn/isn.db-wal", "var/lib/isn/isn.db-shm",
            "var/lib/isn/lock", "var/lib/isn/scripts/other-1.0-r0.post-install", "var/cache/isn",
            "var/cache/isn/foo-1.0-r0.isn"})
    void isnsStateAndCacheAreRefusedAsFilesAndAsDirectories(String path) {
        String file = ReservedPaths.problem(path, false);
        assertNotNull(file, path);
        assertTrue(file.contains(path.startsWith("var/cache") ? "cache" : "database"), file);
        assertNotNull(ReservedPaths.problem(path, true), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"etc/isn/world", "etc/isn/repositories", "etc/isn/world/x"})
    void theWorldAndRepositoryFilesAreTheAdministrators(String path) {
        assertTrue(ReservedPaths.problem(path, false).contains("which only the administrator and isn write"), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"var", "var/lib", "var/cache", "etc", "etc/isn", "etc/isn/keys"})
    void theWayToIsnsStateMayBeADirectoryButNothingElse(String path) {
        assertNull(ReservedPaths.problem(path, true), path);
        assertTrue(ReservedPaths.problem(path, false).contains("must be a directory"), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"usr/bin/.isn-new.0123456789abcdef.vim", "etc/.isn-old.0123456789abcdef.passwd",
            "etc/.isn-tmp.world.42", "etc/motd.isn-new", "etc/motd.isn-save", "var/tmp/x.isn-part",
            ".isn-anything/file"})
    void namesOfIsnsTemporaryFilesAreRefusedAnywhere(String path) {
        assertTrue(ReservedPaths.problem(path, false).contains("temporary, backup or config-protection"), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"etc/isn/keys/alpine.pub", "usr/bin/isn", "var/lib/isnx/data", "var/lib/is",
            "var/cache/isn-other/x", "etc/isnt", "usr/share/doc/isn/README", "etc/motd.isn", "etc/x.isn-news",
            "usr/lib/isn-new"})
    void everythingElseIsAllowed(String path) {
        assertNull(ReservedPaths.problem(path, false), path);
    }
}
