package dev.kimigayo.isn.e2e.hostile;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * isn's own state is off limits to packages: a validly signed package writing the database, the
 * lock, another package's install script, the world, the repository list, the cache or a name of
 * isn's temporaries is refused at install time (exit 4) with root and database unchanged, and
 * {@code isn pack} refuses to write one. Keys under etc/isn/keys may come from a package.
 */
class ReservedPathsE2ETest {

    @TempDir
    static Path shared;

    static Fixture fx;

    @TempDir
    Path tmp;

    @BeforeAll
    static void repository() throws Exception {
        fx = Fixture.create(shared);
    }

    @ParameterizedTest
    @ValueSource(strings = {"var/lib/isn/isn.db", "var/lib/isn/isn.db-wal", "var/lib/isn/lock",
        "var/lib/isn/scripts/demo.INSTALL", "var/cache/isn/APKINDEX", "etc/isn/world", "etc/isn/repositories",
        "usr/bin/.isn-new.00000000000000ab.demo", "usr/bin/.isn-old.1.demo", "etc/isn/.isn-tmp.world.1",
        "etc/demo.conf.isn-new", "etc/demo.conf.isn-save"})
    void installRefusesIsnsOwnPaths(String path) throws Exception {
        Path root = tmp.resolve("root");
        fx.run(root, "install", "demo").assertSuccess();
        RootState before = RootState.of(root);
        Path pkg = new HostilePackage("evil").file(path, "SQLite format 3\0 replaced").write(tmp, fx.secret());
        IsnResult r = fx.run(root, "install", pkg.toString()).assertExit(4);
        assertTrue(r.stderr().contains(path), r.stderr());
        assertTrue(r.stderr().contains("isn"), r.stderr());
        assertEquals(before, RootState.of(root));
        fx.run(root, "remove", "demo").assertSuccess();
    }

    @Test
    void aSymlinkOnTheWayToTheDatabaseIsRefused() throws Exception {
        Path root = tmp.resolve("root");
        fx.run(root, "update").assertSuccess();
        RootState before = RootState.of(root);
        Path pkg = new HostilePackage("evil").file("var/lib", "not a directory").write(tmp, fx.secret());
        IsnResult r = fx.run(root, "install", pkg.toString()).assertExit(4);
        assertTrue(r.stderr().contains("must be a directory"), r.stderr());
        assertEquals(before, RootState.of(root));
    }

    @Test
    void trustedKeysMayComeFromAPackage() throws Exception {
        Path root = tmp.resolve("root");
        fx.run(root, "update").assertSuccess();
        Path pkg = new HostilePackage("more-keys").dir("etc").dir("etc/isn").dir("etc/isn/keys")
                .file("etc/isn/keys/extra.pub", "untrusted comment: extra\nRWQ=\n").write(tmp, fx.secret());
        fx.run(root, "install", pkg.toString()).assertSuccess();
        assertTrue(Files.exists(root.resolve("etc/isn/keys/extra.pub")));
    }

    @Test
    void packRefusesIsnsOwnPathsAndWritesNothing() throws Exception {
        Path src = SignedRepo.source(tmp.resolve("src"), "name = evil\nversion = 1.0-r0\narchitecture = noarch\n",
                "var/lib/isn/isn.db", "replaced");
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        IsnResult r = isn().run("pack", src.toString(), "-o", out.toString()).assertExit(2);
        assertTrue(r.stderr().contains("var/lib/isn") && r.stderr().contains("no package may write there"), r.stderr());
        try (var files = Files.list(out)) {
            assertEquals(0, files.count());
        }
    }
}
