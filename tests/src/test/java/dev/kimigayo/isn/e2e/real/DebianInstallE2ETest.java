package dev.kimigayo.isn.e2e.real;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.harness.IsnProcess;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * Real Debian bookworm packages (vim, sudo, util-linux, coreutils, tzdata, base-files and their
 * Depends/Pre-Depends closure), converted to isn packages from {@code dpkg-deb -x} with a PKGINFO
 * written from the control fields, packed, indexed and installed as root by the real launcher:
 * the root must equal {@code dpkg -x} of the same debs in every path, type, mode bit, owner,
 * content, link target and hardlink, and {@code isn fix} must then find nothing. Needs root,
 * apt-get and dpkg-deb; skipped without them except under CI=true, where that is a failure.
 */
class DebianInstallE2ETest {

    private static final List<String> ROOTS = List.of("vim", "sudo", "util-linux", "coreutils", "tzdata", "base-files");
    /** isn's own state in the installed root; the debs never ship these. */
    private static final Set<String> ISN_STATE = Set.of("etc/isn", "var/lib/isn", "var/cache/isn");

    @TempDir
    Path tmp;

    @Test
    void installedRootIsIdenticalToDpkgExtract() throws Exception {
        requireTools();
        List<DebianDebs.Deb> debs = DebianDebs.closure(ROOTS);
        assertTrue(debs.size() >= ROOTS.size(), "closure: " + debs);

        Path keys = tmp.resolve("keys");
        Path trusted = Files.createDirectories(tmp.resolve("trusted"));
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path reference = Files.createDirectories(tmp.resolve("reference"));
        isn().run("keygen", "debian", "-o", keys.toString()).assertSuccess();
        Files.copy(keys.resolve("debian.pub"), trusted.resolve("debian.pub"));
        List<String> pack = new ArrayList<>(List.of("pack"));
        for (DebianDebs.Deb deb : debs) {
            pack.add(convert(deb, tmp.resolve("src").resolve(deb.name())).toString());
            DebianDebs.run(List.of("dpkg", "-x", deb.file().toString(), reference.toString()), null, false);
        }
        pack.addAll(List.of("-o", repo.toString(), "--key", keys.resolve("debian.sec").toString()));
        IsnProcess slow = isn().withTimeout(Duration.ofMinutes(5));
        slow.run(pack.toArray(String[]::new)).assertSuccess();
        slow.run("index", repo.toString(), "--key", keys.resolve("debian.sec").toString()).assertSuccess();

        Path root = tmp.resolve("root");
        List<String> install = new ArrayList<>(List.of("--initdb", "--keys-dir", trusted.toString(),
                "-X", "file://" + repo, "install"));
        debs.forEach(d -> install.add(d.name()));
        IsnResult installed = slow.runAt(root, install.toArray(String[]::new)).assertSuccess();
        assertTrue(!installed.stderr().contains("not running as root"), installed::describe);

        Map<String, String> expected = TreeDiff.describe(reference, Set.of());
        Map<String, String> actual = TreeDiff.describe(root, ISN_STATE);
        assertTrue(expected.get("usr/bin/sudo").startsWith("file 4755 0:0"), expected.get("usr/bin/sudo"));
        assertTrue(expected.get("tmp").startsWith("dir 1777 0:0"), expected.get("tmp"));
        List<String> diff = TreeDiff.differences(expected, actual, 40);
        assertEquals(List.of(), diff, () -> diff.size() + " differences among " + expected.size() + " paths");

        IsnResult fix = slow.runAt(root, "fix", "--json").assertSuccess();
        JsonNode doc = new ObjectMapper().readTree(fix.stdout());
        assertEquals(0, doc.path("damaged").size(), fix::describe);
        System.out.printf("DebianInstallE2ETest: %d debs, %d paths identical to dpkg -x%n", debs.size(), expected.size());
    }

    /** The isn package source of {@code deb}: its payload as dpkg-deb extracts it, PKGINFO from its control fields. */
    private static Path convert(DebianDebs.Deb deb, Path dir) throws Exception {
        Files.createDirectories(dir);
        DebianDebs.run(List.of("dpkg-deb", "-x", deb.file().toString(), dir.toString()), null, false);
        StringBuilder info = new StringBuilder()
                .append("name = ").append(deb.name()).append('\n')
                .append("version = 1-r0\n")
                .append("architecture = ").append(deb.architecture().equals("all") ? "noarch" : "x86_64").append('\n')
                .append("description = Debian ").append(deb.name()).append(' ').append(deb.version()).append('\n');
        for (String path : setuidPaths(dir)) {
            info.append("setuid = ").append(path).append('\n');
        }
        Files.writeString(dir.resolve("PKGINFO"), info);
        return dir;
    }

    /** Every path with the setuid or setgid bit, which PKGINFO must declare. */
    private static List<String> setuidPaths(Path dir) throws Exception {
        List<String> paths = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws java.io.IOException {
                check(d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws java.io.IOException {
                check(f);
                return FileVisitResult.CONTINUE;
            }

            private void check(Path p) throws java.io.IOException {
                int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                if (!p.equals(dir) && (mode & 0170000) != 0120000 && (mode & 06000) != 0) {
                    paths.add(dir.relativize(p).toString());
                }
            }
        });
        return paths;
    }

    static void requireTools() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean tools = Files.isExecutable(Path.of("/usr/bin/apt-get")) && Files.isExecutable(Path.of("/usr/bin/dpkg-deb"));
        if (ci) {
            assertTrue(root && tools, "CI=true: this test needs root, apt-get and dpkg-deb (see .ci/run)");
        }
        Assumptions.assumeTrue(root && tools, "needs root, apt-get and dpkg-deb");
    }
}
