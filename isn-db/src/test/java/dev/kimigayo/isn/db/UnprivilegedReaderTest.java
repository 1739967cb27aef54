package dev.kimigayo.isn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A normal user reading root's database: the directory is not writable, so SQLite cannot create
 * the WAL index and the read-only open must fall back to an immutable read. Runs only as root
 * with setpriv available (to become "nobody"); skipped otherwise.
 */
class UnprivilegedReaderTest {

    @TempDir
    Path dir;

    @Test
    void nobodyCanQueryRootsDatabase() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to drop privileges");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs /usr/bin/setpriv");
        Path file = dir.resolve("var/lib/isn/isn.db");
        try (PackageDatabase db = PackageDatabase.open(file, Fixtures.create())) {
            db.apply(Fixtures.install(Fixtures.full("vim", "9.1-r0")));
        }
        Path cp = dir.resolve("cp");
        copyTree(Path.of(PackageDatabase.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                cp.resolve("classes"));
        copyTree(Path.of(Fixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                cp.resolve("test-classes"));
        Path jar = Path.of(org.sqlite.JDBC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.copy(jar, cp.resolve("sqlite.jar"));
        readableByAll(dir);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                "--clear-groups", java, "-Djava.io.tmpdir=/tmp", "-cp",
                cp.resolve("classes") + ":" + cp.resolve("test-classes") + ":" + cp.resolve("sqlite.jar"),
                OpenStartupBench.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals(true, out.contains("(1 packages)"), out);
        assertEquals(List.of("isn.db"), list(file.getParent()));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void readableByAll(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }
}
