package dev.kimigayo.isn.e2e.engine;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.harness.IsnProcess;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/** The README's main job and its neighbours: install, query, remove, dry run, from a signed file:// repository. */
class InstallE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static SignedRepo repo;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildRepository() throws Exception {
        repo = SignedRepo.sample(shared.resolve("sample"));
    }

    private IsnResult isnAt(Path root, String... args) throws Exception {
        return isn().runAt(root, args);
    }

    private Path freshInstall() throws Exception {
        Path root = tmp.resolve("root");
        isnAt(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "install", "vim")
                .assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        return root;
    }

    @Test
    void installsVimAndItsDependenciesIntoAnEmptyRoot() throws Exception {
        Path root = tmp.resolve("root");
        IsnResult r = isnAt(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(),
                "install", "vim").assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        assertEquals("", r.stdout(), "stdout carries only the answer; install has none without --json");
        assertTrue(r.stderr().contains("(6/6) Installing vim (9.0.2127-r0)\n"), r.stderr());
        assertTrue(r.stderr().contains("Installing ncurses-libs (6.4_p20231125-r0)\n"), r.stderr());
        assertTrue(r.stderr().matches("(?s).*OK: \\d+ KiB in 6 packages\n.*"), r.stderr());
        assertFalse(r.stderr().contains("\r") || r.stderr().contains("\033"), "not a terminal: no bar, no colour");
        Path sample = IsnProcess.projectRoot().resolve("packaging/sample-repo");
        assertEquals(Files.readString(sample.resolve("vim/usr/bin/vim")), Files.readString(root.resolve("usr/bin/vim")));
        assertTrue(Files.isSymbolicLink(root.resolve("lib/libc.musl-x86_64.so.1")) || Files.exists(root.resolve("lib")));
        assertEquals("vim\n", Files.readString(root.resolve("etc/isn/world")));
        assertEquals(repo.url() + "\n", Files.readString(root.resolve("etc/isn/repositories")));
        assertTrue(Files.exists(root.resolve("etc/isn/keys/demo.pub")), "--initdb adopts the --keys-dir keys");
        assertEquals(List.of(), RootTree.leftovers(root));

        JsonNode list = JSON.readTree(isnAt(root, "list", "--json").assertSuccess().stdout());
        assertEquals(2, list.get("schema_version").asInt());
        assertEquals(List.of("musl", "ncurses-libs", "ncurses-terminfo-base", "vim", "vim-common", "xxd"),
                names(list.get("packages")));
        assertEquals("/usr/bin/vim is owned by vim-9.0.2127-r0\n", isnAt(root, "owner", "/usr/bin/vim").assertSuccess().stdout());
        assertTrue(isnAt(root, "files", "xxd").assertSuccess().stdout().contains("/usr/bin/xxd\n"));
    }

    @Test
    void jsonInstallReportsEveryChange() throws Exception {
        Path root = tmp.resolve("root");
        IsnResult r = isnAt(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(),
                "install", "--json", "vim").assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        JsonNode doc = JSON.readTree(r.stdout());
        assertTrue(doc.get("ok").asBoolean());
        assertEquals("install", doc.get("command").asText());
        JsonNode vim = doc.get("changes").get(5);
        assertEquals("install", vim.get("action").asText());
        assertEquals("vim", vim.get("name").asText());
        assertTrue(vim.get("old_version").isNull());
        assertEquals("9.0.2127-r0", vim.get("new_version").asText());
        assertEquals(6, doc.get("installed_packages").asInt());
    }

    @Test
    void dryRunChangesNothing() throws Exception {
        Path root = tmp.resolve("root");
        isnAt(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "install", "musl")
                .assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        Map<String, String> before = RootTree.of(root);
        IsnResult r = isnAt(root, "install", "--dry-run", "--json", "vim").assertSuccess();
        JsonNode doc = JSON.readTree(r.stdout());
        assertTrue(doc.get("dry_run").asBoolean());
        assertEquals(5, doc.get("changes").size());
        assertTrue(r.stderr().contains("dry run: 5 changes planned, nothing changed"), r.stderr());
        assertEquals(before, RootTree.of(root));
        assertEquals(List.of("musl"), names(JSON.readTree(isnAt(root, "list", "--json").stdout()).get("packages")));
        assertEquals("musl\n", Files.readString(root.resolve("etc/isn/world")));
    }

    @Test
    void removeTakesVimAndItsDependenciesAway() throws Exception {
        Path root = freshInstall();
        IsnResult r = isnAt(root, "remove", "--json", "vim").assertSuccess();
        JsonNode doc = JSON.readTree(r.stdout());
        assertEquals(6, doc.get("changes").size());
        assertEquals("remove", doc.get("changes").get(0).get("action").asText());
        assertEquals(Map.of("etc", "dir", "var", "dir", "var/lib", "dir", "var/cache", "dir"),
                withoutIsnConfig(RootTree.of(root)));
        assertEquals("", Files.readString(root.resolve("etc/isn/world")));
        assertEquals(List.of(), RootTree.leftovers(root));
    }

    @Test
    void virtualPackageGroupsDependenciesAndItsRemovalDropsThem() throws Exception {
        Path root = tmp.resolve("root");
        isnAt(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "install", "musl")
                .assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        isnAt(root, "install", "--virtual", ".build-deps", "xxd", "ncurses-libs").assertSuccess();
        assertEquals(".build-deps\nmusl\n", Files.readString(root.resolve("etc/isn/world")));
        assertTrue(Files.exists(root.resolve("usr/bin/xxd")));
        isnAt(root, "remove", ".build-deps").assertSuccess();
        assertEquals(List.of("musl"), names(JSON.readTree(isnAt(root, "list", "--json").stdout()).get("packages")));
        assertTrue(Files.notExists(root.resolve("usr/bin/xxd")));
    }

    @Test
    void localPackageFileIsVerifiedAndInstalled() throws Exception {
        Path root = tmp.resolve("root");
        isnAt(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "update").assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        Path local = tmp.resolve("xxd-9.0.2127-r0.isn");
        Files.copy(repo.repo.resolve("xxd-9.0.2127-r0.isn"), local);
        IsnResult r = isn().withWorkingDir(tmp).run("--root", root.toString(), "install", "./xxd-9.0.2127-r0.isn")
                .assertSuccess();
        assertTrue(r.stderr().contains("Installing xxd (9.0.2127-r0)"), r.stderr());
        assertTrue(Files.exists(root.resolve("usr/bin/xxd")));
        byte[] bytes = Files.readAllBytes(local);
        bytes[bytes.length / 2] ^= 1;
        Files.write(tmp.resolve("bad.isn"), bytes);
        isnAt(root, "install", tmp.resolve("bad.isn").toString()).assertExit(4);
    }

    @Test
    void uninitialisedRootIsAClearUsageError() throws Exception {
        IsnResult r = isnAt(tmp.resolve("nothing"), "install", "vim").assertExit(2);
        assertTrue(r.stderr().contains("run once with --initdb"), r.stderr());
        assertFalse(Files.exists(tmp.resolve("nothing")));
    }

    private static Map<String, String> withoutIsnConfig(Map<String, String> tree) {
        Map<String, String> t = new java.util.TreeMap<>(tree);
        t.keySet().removeIf(k -> k.startsWith("etc/isn"));
        return t;
    }

    static List<String> names(JsonNode packages) {
        List<String> names = new java.util.ArrayList<>();
        packages.forEach(p -> names.add(p.get("name").asText()));
        return names;
    }
}
