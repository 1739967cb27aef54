package dev.kimigayo.isn.e2e.plan;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.engine.RootTree;
import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnProcess;
import dev.kimigayo.isn.e2e.harness.IsnResult;
import dev.kimigayo.isn.e2e.harness.NginxServer;

/**
 * {@code isn lock} and {@code isn install --locked} (docs/format-lock.md) against the signed sample
 * repository served by nginx: the lock names vim's dependency closure as the sample PKGINFO files
 * declare it, two fresh roots installed from it are identical file for file even after the
 * repository published a newer xxd, and each refusal leaves the root and its database as they were.
 */
class LockE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * vim's closure in packaging/sample-repo: vim needs vim-common, xxd, so:libc.musl… (musl) and
     * so:libncursesw.so.6 (ncurses-libs, which needs ncurses-terminfo-base).
     */
    private static final List<String> VIM_CLOSURE = List.of("musl", "ncurses-libs", "ncurses-terminfo-base", "vim",
            "vim-common", "xxd");

    @TempDir
    Path tmp;

    private static IsnResult at(Path root, String... args) throws Exception {
        return isn().runAt(root, args);
    }

    /** {@code isn lock vim -o FILE} with the repository given by {@code -X}, on a root that does not exist. */
    private Path lockVim(SignedRepo repo, String url) throws Exception {
        Path lock = tmp.resolve("vim.lock");
        Path nowhere = tmp.resolve("never-created");
        at(nowhere, "--keys-dir", repo.trusted.toString(), "-X", url, "lock", "vim", "-o", lock.toString())
                .assertSuccess();
        assertFalse(Files.exists(nowhere), "isn lock writes nothing under the root");
        return lock;
    }

    private static IsnResult installLocked(Path root, SignedRepo repo, String url, Path lock, String... extra)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("--keys-dir", repo.trusted.toString(), "-X", url, "install",
                "--no-scripts", "--locked", lock.toString()));
        args.addAll(List.of(extra));
        return at(root, args.toArray(String[]::new));
    }

    /** The {@code package} lines of a lock file by name: the other fields, split. */
    private static Map<String, String[]> packages(Path lock) throws Exception {
        Map<String, String[]> out = new TreeMap<>();
        for (String line : Files.readAllLines(lock)) {
            if (line.startsWith("package ")) {
                String[] f = line.split(" ");
                assertEquals(8, f.length, line);
                out.put(f[1], f);
            }
        }
        return out;
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    /** A new xxd (9.1.0-r0, a different binary) published in the repository, re-indexed. */
    private static void publishNewerXxd(SignedRepo repo, Path dir) throws Exception {
        repo.pack(SignedRepo.source(dir, "name = xxd\nversion = 9.1.0-r0\narchitecture = x86_64\n"
                + "description = xxd, rebuilt\nlicense = MIT\ndepends = so:libc.musl-x86_64.so.1\n",
                "usr/bin/xxd", "#!/bin/sh\necho xxd 9.1\n"));
        Reindex.of(repo);
    }

    @Test
    void theSameLockFileGivesIdenticalRootsWhateverTheRepositoryPublishesLater() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        try (NginxServer nginx = NginxServer.start(repo.repo)) {
            String url = nginx.baseUri().toString();
            Path lock = lockVim(repo, url);

            List<String> lines = Files.readAllLines(lock);
            assertEquals("isn-lock 1", lines.get(0));
            assertTrue(lines.contains("world vim"), lines::toString);
            long serial = JSON.readTree(repo.repo.resolve("index.json").toFile()).get("serial").asLong();
            assertTrue(lines.contains("repository " + url + " " + serial), lines::toString);
            Map<String, String[]> locked = packages(lock);
            assertEquals(VIM_CLOSURE, List.copyOf(locked.keySet()));
            for (String[] f : locked.values()) {
                Path file = repo.repo.resolve(f[7]);
                assertEquals(f[1] + "-" + f[2] + ".isn", f[7]);
                assertEquals(Long.toString(Files.size(file)), f[4], f[1]);
                assertEquals(sha256(file), f[5], f[1] + ": the SHA-256 of the package file");
                assertEquals(url, f[6]);
            }

            publishNewerXxd(repo, tmp.resolve("xxd-9.1"));
            Path one = tmp.resolve("one");
            Path two = tmp.resolve("two");
            installLocked(one, repo, url, lock, "--initdb").assertSuccess();
            installLocked(two, repo, url, lock, "--initdb").assertSuccess();
            Map<String, String> tree = RootTree.of(one);
            assertEquals(tree, RootTree.of(two), "the same lock file gives identical files, modes and links");
            Path sampleXxd = IsnProcess.projectRoot().resolve("packaging/sample-repo/xxd/usr/bin/xxd");
            String mode = Integer.toOctalString((Integer) Files.getAttribute(sampleXxd, "unix:mode") & 07777);
            assertEquals("file " + mode + " " + sha256(sampleXxd), tree.get("usr/bin/xxd"), "the locked xxd");
            assertTrue(tree.containsKey("etc/terminfo/x/xterm"), "ncurses-terminfo-base's files");
            assertEquals("vim\n", Files.readString(one.resolve("etc/isn/world")));
            JsonNode list = JSON.readTree(at(one, "list", "--json").assertSuccess().stdout());
            Map<String, String> installed = new TreeMap<>();
            list.get("packages").forEach(p -> installed.put(p.get("name").asText(), p.get("version").asText()));
            Map<String, String> expected = new TreeMap<>();
            locked.forEach((name, f) -> expected.put(name, f[2]));
            assertEquals(expected, installed);

            // Without the lock, the same request takes the newer xxd: the lock is what pinned it.
            Path free = tmp.resolve("free");
            at(free, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", url, "add", "--no-scripts", "vim")
                    .assertSuccess();
            assertEquals("#!/bin/sh\necho xxd 9.1\n", Files.readString(free.resolve("usr/bin/xxd")));
            assertNotEquals(tree, RootTree.of(free));
        }
    }

    @Test
    void refusalsNameTheirCauseAndLeaveTheRootAndDatabaseUnchanged() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        try (NginxServer nginx = NginxServer.start(repo.repo)) {
            String url = nginx.baseUri().toString();
            Path lock = lockVim(repo, url);
            Path root = tmp.resolve("root");
            at(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", url, "add", "--no-scripts", "busybox")
                    .assertSuccess();

            // A line without its file name: the file is refused before anything is fetched.
            Path truncated = tmp.resolve("truncated.lock");
            List<String> lines = new ArrayList<>(Files.readAllLines(lock));
            int xxdLine = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("package xxd ")) {
                    xxdLine = i;
                }
            }
            lines.set(xxdLine, lines.get(xxdLine).replaceAll(" \\S+$", ""));
            Files.write(truncated, lines);
            JsonNode bad = refused(root, repo, url, truncated, 2, "bad-lock-file");
            assertTrue(bad.at("/error/message").asText().contains("line " + (xxdLine + 1)), bad::toString);

            // A dependency left out of the file: not one installable set.
            Path partial = tmp.resolve("partial.lock");
            Files.write(partial, Files.readAllLines(lock).stream()
                    .filter(l -> !l.startsWith("package ncurses-terminfo-base ")).toList());
            refused(root, repo, url, partial, 3, "lock-inconsistent");

            // xxd rebuilt under the same name and version: another SHA-256.
            Path original = repo.repo.resolve("xxd-9.0.2127-r0.isn");
            Path saved = Files.copy(original, tmp.resolve("xxd-original.isn"));
            Files.delete(original);
            repo.pack(SignedRepo.source(tmp.resolve("xxd-rebuilt"), "name = xxd\nversion = 9.0.2127-r0\n"
                    + "architecture = x86_64\ndescription = xxd\nlicense = MIT\n"
                    + "depends = so:libc.musl-x86_64.so.1\n", "usr/bin/xxd", "#!/bin/sh\necho tampered\n"));
            Reindex.of(repo);
            assertNotEquals(sha256(saved), sha256(original));
            JsonNode mismatch = refused(root, repo, url, lock, 4, "lock-mismatch");
            assertTrue(mismatch.at("/error/message").asText().contains("xxd"), mismatch::toString);

            // The original xxd back, ncurses-terminfo-base gone from the repository.
            Files.copy(saved, original, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.delete(repo.repo.resolve("ncurses-terminfo-base-6.4_p20231125-r0.isn"));
            Reindex.of(repo);
            JsonNode gone = refused(root, repo, url, lock, 3, "lock-unavailable");
            assertTrue(gone.at("/error/message").asText().contains("ncurses-terminfo-base"), gone::toString);

            assertFalse(Files.exists(root.resolve("usr/bin/vim")));
            assertEquals("busybox\n", Files.readString(root.resolve("etc/isn/world")));
        }
    }

    /**
     * Refreshes the root's index (so the only change left is the refused one), runs
     * {@code install --locked --json} and checks the exit code, the JSON code, and that every file of
     * the root, database and caches included, is byte for byte what it was.
     */
    private JsonNode refused(Path root, SignedRepo repo, String url, Path lock, int exit, String code)
            throws Exception {
        at(root, "--keys-dir", repo.trusted.toString(), "-X", url, "update").assertSuccess();
        Map<String, String> before = RootTree.withState(root);
        IsnResult r = installLocked(root, repo, url, lock, "--json").assertExit(exit);
        JsonNode doc = JSON.readTree(r.stdout());
        assertEquals(code, doc.at("/error/code").asText(), r::describe);
        assertEquals(exit, doc.at("/error/exit_code").asInt(), r::describe);
        assertFalse(doc.get("ok").asBoolean());
        assertEquals(before, RootTree.withState(root), "refused: " + code + ", nothing changed");
        IsnResult text = installLocked(root, repo, url, lock).assertExit(exit);
        assertTrue(text.stderr().lines().anyMatch(l -> l.startsWith("isn: error: ")), text::describe);
        assertEquals(before, RootTree.withState(root));
        return doc;
    }
}
