package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.kimigayo.isn.crypto.Sha256;

/**
 * {@code isn lock} and {@code isn install --locked}: the same lock file gives identical roots even
 * after the repository moved on; a hash that differs, a package offered nowhere or a malformed
 * file is refused with the root unchanged.
 */
class LockCommandTest {

    @TempDir
    Path dir;

    private int locked(SampleRoot s, Path root, String... more) {
        var args = new java.util.ArrayList<>(java.util.List.of("--root", root.toString(), "--initdb", "--keys-dir",
                s.trusted.toString(), "-X", s.repo.toUri().toString(), "add"));
        args.addAll(java.util.List.of(more));
        return s.cli.run(args.toArray(String[]::new));
    }

    @Test
    void theSameLockFileGivesIdenticalRootsWhateverTheRepositoryDoesSince() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        Path lock = dir.resolve("vim.lock");
        assertEquals(0, s.isn("lock", "vim", "-o", lock.toString()), s.cli.err);
        assertFalse(Files.exists(s.root), "locking writes nothing under the root");
        String text = Files.readString(lock);
        assertTrue(text.startsWith("isn-lock 1\n"), text);
        assertTrue(text.contains("\nworld vim\n"), text);
        String vimLine = text.lines().filter(l -> l.startsWith("package vim ")).findFirst().orElseThrow();
        String[] f = vimLine.split(" ");
        assertEquals(Sha256.ofFile(s.repo.resolve(f[7])), f[5]);
        assertEquals(s.repo.toUri().toString(), f[6]);
        assertTrue(text.contains("\nrepository " + s.repo.toUri() + " "), text);

        Path one = dir.resolve("one");
        assertEquals(0, locked(s, one, "--locked", lock.toString()), s.cli.err);
        // The repository moves on: a newer busybox. The lock file still gives the locked set.
        Path src = s.sampleSource("busybox", "1.36.1-r2", "1.37.0-r0", dir.resolve("src/busybox"));
        s.pack(src, s.repo);
        s.index();
        Path two = dir.resolve("two");
        assertEquals(0, locked(s, two, "--locked", lock.toString(), "--json"), s.cli.err);
        JsonNode doc = JsonReport.mapper().readTree(s.cli.out);
        assertTrue(doc.get("ok").asBoolean(), s.cli.out);
        assertEquals(files(one), files(two));
        assertTrue(files(one).containsKey("usr/bin/vim"), files(one).keySet().toString());
        assertEquals("vim\n", Files.readString(two.resolve("etc/isn/world")));

        // Locking the same set again gives the same lines, apart from the repository's new serial.
        Path again = dir.resolve("again.lock");
        assertEquals(0, s.isn("lock", "vim", "-o", again.toString()), s.cli.err);
        assertEquals(text.lines().filter(l -> l.startsWith("package ")).toList(),
                Files.readString(again).lines().filter(l -> l.startsWith("package ")).toList());
    }

    @Test
    void aTamperedHashAMissingPackageOrABadFileIsRefusedAndTheRootIsUnchanged() throws Exception {
        SampleRoot s = new SampleRoot(dir);
        Path lock = dir.resolve("vim.lock");
        assertEquals(0, s.isn("lock", "vim", "-o", lock.toString()), s.cli.err);
        assertEquals(0, s.isn("add", "busybox"), s.cli.err);
        Map<String, String> before = files(s.root);
        String text = Files.readString(lock);
        String vimLine = text.lines().filter(l -> l.startsWith("package vim ")).findFirst().orElseThrow();
        String sha = vimLine.split(" ")[5];
        String other = (sha.charAt(0) == '0' ? "1" : "0") + sha.substring(1);

        Path tampered = dir.resolve("tampered.lock");
        Files.writeString(tampered, text.replace(sha, other));
        assertEquals(ExitCodes.INTEGRITY, locked(s, s.root, "--locked", tampered.toString(), "--json"), s.cli.err);
        JsonNode error = JsonReport.mapper().readTree(s.cli.out).get("error");
        assertEquals("lock-mismatch", error.get("code").asText(), s.cli.out);
        assertTrue(s.cli.err.contains("has SHA-256 " + other + ", but " + s.repo.toUri()), s.cli.err);
        assertEquals(before, files(s.root));

        Path missing = dir.resolve("missing.lock");
        Files.writeString(missing, text.replace(vimLine, vimLine.replace(" 9.0.2127-r0 ", " 9.9-r0 ")));
        assertEquals(ExitCodes.UNSATISFIABLE, locked(s, s.root, "--locked", missing.toString()), s.cli.err);
        assertTrue(s.cli.err.contains("names vim-9.9-r0, which no configured repository offers"), s.cli.err);
        assertEquals(before, files(s.root));

        Path bad = dir.resolve("bad.lock");
        Files.writeString(bad, text.replace("isn-lock 1", "isn-lock 9"));
        assertEquals(ExitCodes.USAGE, locked(s, s.root, "--locked", bad.toString()), s.cli.err);
        assertTrue(s.cli.err.contains("line 1: format version 9 is not supported"), s.cli.err);

        assertEquals(ExitCodes.USAGE, locked(s, s.root, "--locked", lock.toString(), "vim"), s.cli.err);
        assertEquals(before, files(s.root));
    }

    /** Every file and link outside isn's state, with content hash and mode: what two identical roots share. */
    private static Map<String, String> files(Path root) throws Exception {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith("var/lib/isn") || rel.startsWith("var/cache/isn")) {
                    continue;
                }
                String mode = Files.isSymbolicLink(p) ? "link " + Files.readSymbolicLink(p)
                        : java.nio.file.attribute.PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                all.put(rel, Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        ? mode + " " + Sha256.ofFile(p) : mode);
            }
        }
        return all;
    }
}
