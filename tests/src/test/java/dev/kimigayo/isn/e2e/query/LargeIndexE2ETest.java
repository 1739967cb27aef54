package dev.kimigayo.isn.e2e.query;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnProcess;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * A repository whose index is above the size where isn stops parsing an index into objects
 * (7,000 packages, ~5 MB of JSON): the commands that keep no cache read it through a private
 * compact form, and the queries decode only what they need or a slice at a time. What they answer
 * must be what a small index gives, the root must stay as it was, and nothing may be left in the
 * temporary folder.
 */
class LargeIndexE2ETest {

    private static final int PACKAGES = 7000;

    @TempDir
    static Path tmp;
    static SignedRepo repo;

    @BeforeAll
    static void bigRepository() throws Exception {
        repo = SignedRepo.sample(tmp.resolve("signed"));
        String filler = " lorem ipsum dolor sit amet".repeat(14);
        List<String> dirs = new ArrayList<>();
        for (int i = 0; i < PACKAGES; i++) {
            String name = String.format("big-%04d", i);
            // A needle in the first slice of 4,096 packages and one in the second.
            String description = (i == 7 || i == 6993 ? "needle " : "") + name + filler;
            String pkginfo = "name = " + name + "\nversion = 1.0-r0\narchitecture = noarch\ndescription = "
                    + description + "\n" + (i % 10 != 0 ? "depends = " + String.format("big-%04d", i - 1) + "\n" : "");
            dirs.add(SignedRepo.source(tmp.resolve("src").resolve(name), pkginfo).toString());
        }
        Path list = Files.write(tmp.resolve("dirs.txt"), dirs);
        IsnProcess slow = isn().withTimeout(java.time.Duration.ofMinutes(5)).withEnv("SOURCE_DATE_EPOCH", "1767225600");
        slow.run("pack", "@" + list, "-o", repo.repo.toString(), "--key", repo.keys.resolve("demo.sec").toString())
                .assertSuccess();
        repo.index();
        long size = Files.size(repo.repo.resolve("index.json"));
        assertTrue(size > 4L * 1024 * 1024, "the index must be above the 4 MB private-copy size: " + size);
    }

    /** A root that knows the repository and trusts its key, as a base image would; no database yet. */
    private static Path configuredRoot(String name) throws Exception {
        Path root = tmp.resolve(name);
        Files.createDirectories(root.resolve("etc/isn/keys"));
        try (Stream<Path> keys = Files.list(repo.trusted)) {
            for (Path k : keys.toList()) {
                Files.copy(k, root.resolve("etc/isn/keys").resolve(k.getFileName()));
            }
        }
        SignedRepo.remember(root, repo.url());
        return root;
    }

    private static List<String> tree(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p) + (Files.isDirectory(p) ? "/" : " " + p.toFile().length()))
                    .sorted().toList();
        }
    }

    @Test
    void aDryRunOnARootThatNeverRanUpdateLeavesTheRootAndTheTemporaryFolderAsTheyWere() throws Exception {
        Path root = configuredRoot("never-updated");
        Path temp = Files.createDirectories(tmp.resolve("java-tmp"));
        List<String> before = tree(root);
        IsnResult r = isn().withEnv("ISN_JAVA_OPTS", "-Djava.io.tmpdir=" + temp)
                .runAt(root, "--initdb", "install", "--dry-run", "big-0009").assertSuccess();
        // The plan is reported on stderr (stdout carries only --json documents).
        assertTrue(r.stderr().contains("dry run: 10 changes planned, nothing changed"), r::describe);
        for (int i = 0; i <= 9; i++) {
            assertTrue(r.stderr().contains(String.format("Installing big-%04d (1.0-r0)", i)), r::describe);
        }
        assertEquals(before, tree(root), "a dry run changes nothing in the root");
        assertEquals(List.of("/"), tree(temp), "the private compact form is gone once isn exits");
    }

    @Test
    void queriesOnAnUpdatedRootFindWhatEverySliceHolds() throws Exception {
        Path root = configuredRoot("updated");
        isn().runAt(root, "--initdb", "update").assertSuccess();
        IsnResult found = isn().runAt(root, "search", "-d", "needle").assertSuccess();
        assertEquals(List.of("big-0007-1.0-r0", "big-6993-1.0-r0"), found.stdout().lines().toList(), found::describe);
        IsnResult byName = isn().runAt(root, "search", "big-699*").assertSuccess();
        assertEquals(java.util.stream.IntStream.range(6990, 7000).mapToObj(i -> "big-" + i + "-1.0-r0").toList(),
                byName.stdout().lines().toList(), byName::describe);
        IsnResult info = isn().runAt(root, "info", "big-6999").assertSuccess();
        assertTrue(info.stdout().contains("big-6999") && info.stdout().contains("1.0-r0"), info::describe);
        IsnResult policy = isn().runAt(root, "policy", "big-6999").assertSuccess();
        assertTrue(policy.stdout().contains("chosen: 1.0-r0"), policy::describe);
        isn().runAt(root, "info", "big-7000").assertExit(1);
    }
}
