package dev.kimigayo.isn.e2e.pack;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * A batch {@code isn pack} is all or nothing: one bad directory among good ones (a reserved
 * path, an undeclared setuid file, two directories giving the same package), whether the
 * packers run in parallel or not, leaves the output folder exactly as it was: no package, no
 * temporary file. Otherwise a repository script that re-runs pack after fixing the bad one
 * would index a half-written batch.
 */
class PackBatchE2ETest {

    @TempDir
    Path tmp;

    private List<String> goodSources(int count) throws Exception {
        List<String> dirs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dirs.add(SignedRepo.source(tmp.resolve("src/good" + i), "name = good" + i
                    + "\nversion = 1.0-r0\narchitecture = noarch\n", "usr/share/good" + i + "/README", "fine\n").toString());
        }
        return dirs;
    }

    private void assertBatchWritesNothing(Path bad, int exit, String... words) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("already-there.isn"), "kept\n");
        for (String jobs : List.of("1", "4")) {
            List<String> cmd = new ArrayList<>(List.of("pack"));
            List<String> good = goodSources(6);
            cmd.addAll(good.subList(0, 3));
            cmd.add(bad.toString());
            cmd.addAll(good.subList(3, 6));
            cmd.addAll(List.of("-o", out.toString(), "-j", jobs));
            IsnResult r = isn().run(cmd.toArray(String[]::new)).assertExit(exit);
            for (String w : words) {
                assertTrue(r.stderr().contains(w), "-j " + jobs + ": " + r.describe());
            }
            assertEquals("", r.stdout(), "no package is announced: " + r.describe());
            try (var files = Files.list(out)) {
                assertEquals(List.of("already-there.isn"), files.map(p -> p.getFileName().toString()).toList(),
                        "-j " + jobs + ": the failed batch left files behind");
            }
        }
        assertEquals("kept\n", Files.readString(out.resolve("already-there.isn")));
    }

    @Test
    void aReservedPathInTheMiddleOfABatchWritesNoPackage() throws Exception {
        Path bad = SignedRepo.source(tmp.resolve("src/evil"), "name = evil\nversion = 1.0-r0\narchitecture = noarch\n",
                "var/lib/isn/isn.db", "replaced");
        assertBatchWritesNothing(bad, 2, "var/lib/isn", "no package may write there");
    }

    @Test
    void anUndeclaredSetuidFileInTheMiddleOfABatchWritesNoPackage() throws Exception {
        Path bad = SignedRepo.source(tmp.resolve("src/suid"), "name = suid\nversion = 1.0-r0\narchitecture = noarch\n",
                "usr/bin/suid", "#!/bin/sh\n");
        Files.setPosixFilePermissions(bad.resolve("usr/bin/suid"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(bad.resolve("usr/bin/suid"), "unix:mode", 04755);
        assertBatchWritesNothing(bad, 2, "usr/bin/suid", "setuid");
    }

    @Test
    void twoDirectoriesGivingTheSamePackageWriteNothing() throws Exception {
        Path twin = SignedRepo.source(tmp.resolve("src/twin"), "name = good1\nversion = 1.0-r0\narchitecture = noarch\n",
                "usr/share/twin/README", "other\n");
        assertBatchWritesNothing(twin, 2, "good1-1.0-r0.isn", "each NAME-VERSION may be packed once per call");
    }
}
