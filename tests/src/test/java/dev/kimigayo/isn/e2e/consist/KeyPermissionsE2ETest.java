package dev.kimigayo.isn.e2e.consist;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.e2e.engine.RootTree;
import dev.kimigayo.isn.e2e.harness.IsnProcess;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/** Trusted keys another user could change are refused (as ssh's StrictModes); the invoking user's own are fine. */
class KeyPermissionsE2ETest {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path tmp;

    private Fixture fixture() throws Exception {
        Fixture f = new Fixture(tmp);
        f.pack("hello", Fixture.HELLO, "usr/share/hello/greeting", "hi\n");
        f.index();
        f.init();
        return f;
    }

    private static void assertRefused(IsnResult r, Path path, String fix) {
        r.assertExit(4);
        assertTrue(r.stderr().contains("unsafe trusted key permissions, " + path + ":"), r.describe());
        assertTrue(r.stderr().contains("fix it with '" + fix + " " + path + "'"), r.describe());
    }

    @Test
    void worldWritableKeyFileIsRefusedNamingTheFix() throws Exception {
        Fixture f = fixture();
        Path key = f.trusted.resolve("demo.pub");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw-rw-"));
        Map<String, String> before = RootTree.withState(f.root);
        assertRefused(f.at("install", "hello"), key, "chmod go-w");
        assertEquals(before, RootTree.withState(f.root));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        f.at("install", "hello").assertSuccess();
    }

    @Test
    void groupWritableKeysFolderIsRefused() throws Exception {
        Fixture f = fixture();
        Files.setPosixFilePermissions(f.trusted, PosixFilePermissions.fromString("rwxrwxr-x"));
        Map<String, String> before = RootTree.withState(f.root);
        assertRefused(f.at("install", "hello"), f.trusted, "chmod go-w");
        IsnResult verify = isn().run("verify", "--keys-dir", f.trusted.toString(), f.repo.resolve("index.json").toString());
        assertRefused(verify, f.trusted, "chmod go-w");
        assertEquals(before, RootTree.withState(f.root));
    }

    @Test
    void keyOwnedByAnotherOrdinaryUserIsRefused() throws Exception {
        assumeTrue(ROOT || "true".equals(System.getenv("CI")), "needs root to give a file away");
        Fixture f = fixture();
        Path key = f.trusted.resolve("demo.pub");
        Files.setAttribute(key, "unix:uid", 65534);
        Map<String, String> before = RootTree.withState(f.root);
        assertRefused(f.at("install", "hello"), key, "chown root");
        assertEquals(before, RootTree.withState(f.root));
    }

    /** An image build as an ordinary user: the keys it copied are its own, so they are trusted. */
    @Test
    void unprivilegedRootBuildWithItsOwnKeysWorks() throws Exception {
        Fixture f = new Fixture(tmp);
        f.pack("hello", Fixture.HELLO, "usr/share/hello/greeting", "hi\n");
        f.index();
        Path build = tmp.resolve("build");
        Files.createDirectories(build.resolve("keys"));
        Files.copy(f.trusted.resolve("demo.pub"), build.resolve("keys/demo.pub"));
        List<String> cmd = new ArrayList<>();
        if (ROOT) {
            // Run as 'nobody', owning the build folder and the keys, as an unprivileged CI job would.
            // Only the JUnit folder is made traversable by others; its ancestors (such as /tmp) are never changed.
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (var all = Files.walk(tmp)) {
                for (Path p : all.toList()) {
                    if (p.startsWith(build)) {
                        Files.setAttribute(p, "unix:uid", 65534);
                        Files.setAttribute(p, "unix:gid", 65534);
                    } else if (!Files.isSymbolicLink(p)) {
                        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                                Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
            cmd.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        cmd.addAll(List.of(IsnProcess.launcher().toString(), "--root", build.resolve("root").toString(), "--initdb",
                "--keys-dir", build.resolve("keys").toString(), "-X", f.url(), "install", "hello"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("ISN_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("HOME", build.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        assertTrue(Files.isRegularFile(build.resolve("root/usr/share/hello/greeting")), output);
        if (ROOT) {
            assertEquals(65534, Files.getAttribute(build.resolve("root/etc/isn/keys/demo.pub"), "unix:uid"));
        }
    }
}
