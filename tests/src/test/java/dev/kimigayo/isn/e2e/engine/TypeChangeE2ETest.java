package dev.kimigayo.isn.e2e.engine;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * An upgrade where a path of the package changes type: {@code usr/share/tc/data} is a file in
 * 1.0 and a directory in 2.0, {@code usr/lib/tc} a directory in 1.0 and a file in 2.0. The result
 * equals a fresh install of 2.0; a crash at any step recovers to exactly 1.0 or 2.0; something
 * that is not the package's in the way refuses it with nothing changed.
 */
class TypeChangeE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V2 = "tc-2.0-r0.isn";

    @TempDir
    static Path shared;

    static SignedRepo repo;
    static Path v2Package;
    static Map<String, String> v1Tree;
    static Map<String, String> v2Tree;

    @TempDir
    Path tmp;

    @BeforeAll
    static void publish() throws Exception {
        repo = SignedRepo.sample(shared.resolve("sample"));
        repo.pack(SignedRepo.source(shared.resolve("tc1"), pkginfo("1.0-r0"), "usr/share/tc/data", "data 1\n",
                "usr/lib/tc/x.so", "x\n", "usr/lib/tc/sub/y.so", "y\n"));
        repo.index();
        Path out = Files.createDirectories(shared.resolve("v2"));
        isn().withEnv("SOURCE_DATE_EPOCH", "1767225600").run("pack", SignedRepo.source(shared.resolve("tc2"),
                pkginfo("2.0-r0"), "usr/share/tc/data/a.txt", "a\n", "usr/share/tc/data/b/c.txt", "c\n",
                "usr/lib/tc", "single\n").toString(), "-o", out.toString(), "--key",
                repo.keys.resolve("demo.sec").toString()).assertSuccess();
        v2Package = out.resolve(V2);
        v1Tree = tree(v1Root(shared.resolve("ref1")));
        Path ref2 = v1Root(shared.resolve("ref2"));
        isn().runAt(ref2, "remove", "tc").assertSuccess();
        isn().runAt(ref2, "install", "tc").assertSuccess();
        v2Tree = tree(ref2);
    }

    private static String pkginfo(String version) {
        return "name = tc\nversion = " + version + "\narchitecture = noarch\n";
    }

    /** A root with tc 1.0 installed from its own copy of the repository, which then also offers 2.0. */
    private static Path v1Root(Path dir) throws Exception {
        Path copy = dir.resolve("repo");
        HttpRepositoryE2ETest.copyTree(repo.repo, copy);
        Path root = dir.resolve("root");
        isn().runAt(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", copy.toUri().toString(),
                "install", "tc").assertSuccess();
        SignedRepo.remember(root, copy.toUri().toString()); // -X is for one command: keep it, as etc/isn/repositories would
        Files.copy(v2Package, copy.resolve(V2));
        isn().run("index", copy.toString(), "--key", repo.keys.resolve("demo.sec").toString()).assertSuccess();
        return root;
    }

    @Test
    void upgradeTurnsAFileIntoADirectoryAndADirectoryIntoAFile() throws Exception {
        Path root = v1Root(tmp);
        assertTrue(Files.isRegularFile(root.resolve("usr/share/tc/data")));

        IsnResult up = isn().runAt(root, "upgrade").assertSuccess();

        assertTrue(up.stderr().contains("Upgrading tc (1.0-r0 -> 2.0-r0)"), up::describe);
        assertTrue(up.stderr().contains("/usr/share/tc/data becomes a directory"), up::describe);
        assertEquals(v2Tree, tree(root), "exactly what a fresh install of 2.0 gives");
        assertEquals("a\n", Files.readString(root.resolve("usr/share/tc/data/a.txt")));
        assertEquals("single\n", Files.readString(root.resolve("usr/lib/tc")));
        assertEquals(List.of(), RootTree.leftovers(root));
        assertEquals(List.of("/usr/lib/tc file", "/usr/share/tc/data dir", "/usr/share/tc/data/a.txt file",
                "/usr/share/tc/data/b dir", "/usr/share/tc/data/b/c.txt file"), files(root));
        assertEquals(0, JSON.readTree(isn().runAt(root, "fix", "--json").assertSuccess().stdout())
                .get("damaged").size(), "the database agrees with the disk");

        isn().runAt(root, "remove", "tc").assertSuccess();
        assertTrue(Files.notExists(root.resolve("usr/share/tc")) && Files.notExists(root.resolve("usr/lib/tc")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"journal", "staged", "rename-1", "rename-2", "committed"})
    void aCrashAtAnyStepRecoversToExactlyOneVersion(String step) throws Exception {
        Path root = v1Root(tmp);
        isn().withEnv("ISN_FAULT_HALT_AT", step).runAt(root, "upgrade").assertExit(137);

        IsnResult next = isn().runAt(root, "update").assertSuccess();

        assertTrue(next.stderr().contains("recovered an interrupted transaction"), next::describe);
        boolean committed = step.equals("committed");
        assertEquals(committed ? v2Tree : v1Tree, tree(root));
        assertEquals(List.of(), RootTree.leftovers(root));
        assertTrue(isn().runAt(root, "list").assertSuccess().stdout().contains(committed ? "tc-2.0-r0" : "tc-1.0-r0"));
    }

    @Test
    void somethingElseInTheReplacedDirectoryRefusesTheUpgradeAndNothingChanges() throws Exception {
        Path root = v1Root(tmp);
        Files.writeString(root.resolve("usr/lib/tc/mine.txt"), "the admin's\n");
        Map<String, String> before = tree(root);

        IsnResult r = isn().runAt(root, "upgrade", "--json").assertExit(3);

        JsonNode error = JSON.readTree(r.stdout()).get("error");
        assertEquals("file-type-clash", error.get("code").asText(), error::toString);
        assertTrue(error.get("message").asText().contains("refusing to install /usr/lib/tc from tc: a directory exists"
                + " in the root where the package has a file, and /usr/lib/tc/mine.txt in it belongs to no package:"
                + " move it away and retry"), error::toString);
        assertEquals(before, tree(root));
        assertEquals(List.of(), RootTree.leftovers(root));
    }

    /** The root's tree without etc/isn/repositories, which names each root's own copy of the repository. */
    private static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> t = RootTree.of(root);
        t.remove("etc/isn/repositories");
        return t;
    }

    private static List<String> files(Path root) throws Exception {
        List<String> out = new ArrayList<>();
        JSON.readTree(isn().runAt(root, "files", "--json", "tc").assertSuccess().stdout()).get("files")
                .forEach(f -> out.add(f.get("path").asText() + " " + f.get("type").asText()));
        out.removeIf(s -> !s.startsWith("/usr/share/tc/data") && !s.startsWith("/usr/lib/tc"));
        return out.stream().sorted().toList();
    }
}
