package dev.kimigayo.isn.e2e.engine;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * kill -9 at every step of a multi-package install and remove (the CLI halts itself at the step
 * named by ISN_FAULT_HALT_AT), then the next isn run recovers: the root and the database are
 * exactly the old state or exactly the new one, with no temporary file left.
 */
class CrashRecoveryE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static SignedRepo repo;
    static Map<String, String> empty;
    static Map<String, String> withVim;
    static Map<String, String> removed;

    @TempDir
    Path tmp;

    @BeforeAll
    static void referenceStates() throws Exception {
        repo = SignedRepo.sample(shared.resolve("sample"));
        Path a = shared.resolve("empty");
        run(a, null, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "update").assertSuccess();
        SignedRepo.remember(a, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        empty = RootTree.of(a);
        Path b = shared.resolve("vim");
        run(b, null, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "install", "vim").assertSuccess();
        SignedRepo.remember(b, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        withVim = RootTree.of(b);
        run(b, null, "remove", "vim").assertSuccess();
        removed = RootTree.of(b);
    }

    private static IsnResult run(Path root, String haltAt, String... args) throws Exception {
        return isn().withEnv("ISN_FAULT_HALT_AT", haltAt).runAt(root, args);
    }

    private static List<String> installed(Path root) throws Exception {
        return InstallE2ETest.names(JSON.readTree(run(root, null, "list", "--json").assertSuccess().stdout())
                .get("packages"));
    }

    private void assertRecovered(Path root, Map<String, String> tree, int packages) throws Exception {
        IsnResult next = run(root, null, "update").assertSuccess();
        assertTrue(next.stderr().contains("recovered an interrupted transaction"), next.stderr());
        assertEquals(tree, RootTree.of(root));
        assertEquals(packages, installed(root).size());
        assertEquals(List.of(), RootTree.leftovers(root));
    }

    @ParameterizedTest
    @ValueSource(strings = {"journal", "staged", "rename-1", "renamed", "committed"})
    void upgradeInterruptedAtEveryStep(String step) throws Exception {
        Path root = tmp.resolve("root");
        run(root, null, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "install", "vim")
                .assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        Path next = tmp.resolve("next");
        SignedRepo newer = SignedRepo.sample(next);
        java.nio.file.Files.copy(repo.trusted.resolve("demo.pub"), root.resolve("etc/isn/keys/old.pub"));
        java.nio.file.Files.copy(newer.trusted.resolve("demo.pub"), root.resolve("etc/isn/keys/demo.pub"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path src = dev.kimigayo.isn.e2e.harness.IsnProcess.projectRoot().resolve("packaging/sample-repo/xxd");
        Path xxd = tmp.resolve("xxd");
        HttpRepositoryE2ETest.copyTree(src, xxd);
        java.nio.file.Files.writeString(xxd.resolve("usr/bin/xxd"), "xxd, upgraded\n");
        java.nio.file.Files.writeString(xxd.resolve("PKGINFO"), java.nio.file.Files.readString(xxd.resolve("PKGINFO"))
                .replace("version = 9.0.2127-r0", "version = 9.0.2127-r1"));
        newer.pack(xxd);
        newer.index();
        run(root, null, "-X", newer.url(), "update").assertSuccess();
        SignedRepo.remember(root, newer.url()); // -X is for one command: keep it, as etc/isn/repositories would
        Map<String, String> before = RootTree.of(root);
        run(root, step, "upgrade", "xxd").assertExit(137);
        IsnResult next2 = run(root, null, "update").assertSuccess();
        assertTrue(next2.stderr().contains("recovered an interrupted transaction"), next2.stderr());
        if (committed(step)) {
            assertEquals("xxd, upgraded\n", java.nio.file.Files.readString(root.resolve("usr/bin/xxd")));
        } else {
            assertEquals(before, RootTree.of(root));
        }
        String list = run(root, null, "list").assertSuccess().stdout();
        assertTrue(list.contains(committed(step) ? "xxd-9.0.2127-r1" : "xxd-9.0.2127-r0"), list);
        assertEquals(List.of(), RootTree.leftovers(root));
    }

    private static boolean committed(String step) {
        return step.equals("committed") || step.equals("cleaned");
    }

    @ParameterizedTest
    @ValueSource(strings = {"journal", "staged", "rename-1", "rename-17", "renamed", "committed", "cleaned"})
    void installInterruptedAtEveryStep(String step) throws Exception {
        Path root = tmp.resolve("root");
        run(root, null, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "update").assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        run(root, step, "install", "vim").assertExit(137);
        assertRecovered(root, committed(step) ? withVim : empty, committed(step) ? 6 : 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"journal", "staged", "rename-1", "rename-17", "renamed", "committed", "cleaned"})
    void removeInterruptedAtEveryStep(String step) throws Exception {
        Path root = tmp.resolve("root");
        run(root, null, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "install", "vim")
                .assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        run(root, step, "remove", "vim").assertExit(137);
        assertRecovered(root, committed(step) ? removed : withVim, committed(step) ? 0 : 6);
    }
}
