package dev.kimigayo.isn.e2e.engine;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.harness.IsnResult;

/** Refusals before anything changes: tampered package, unknown key, index rollback and freeze. */
class TrustE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static IsnResult at(Path root, String... args) throws Exception {
        return isn().runAt(root, args);
    }

    private Path initRoot(SignedRepo repo) throws Exception {
        Path root = tmp.resolve("root");
        at(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "update").assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        return root;
    }

    @Test
    void tamperedPackageIsRefusedAndNothingChanges() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path root = initRoot(repo);
        Map<String, String> before = RootTree.of(root);
        Path vim = repo.repo.resolve("vim-9.0.2127-r0.isn");
        byte[] bytes = Files.readAllBytes(vim);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(vim, bytes);
        IsnResult r = at(root, "install", "--json", "vim").assertExit(4);
        JsonNode error = JSON.readTree(r.stdout()).get("error");
        assertTrue(error.get("message").asText().contains("vim-9.0.2127-r0.isn"), error.toString());
        assertEquals(4, error.get("exit_code").asInt());
        assertEquals(before, RootTree.of(root));
        assertEquals(List.of(), RootTree.leftovers(root));
    }

    @Test
    void indexSignedByAnUnknownKeyIsRefused() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path other = tmp.resolve("other");
        isn().run("keygen", "stranger", "-o", other.toString()).assertSuccess();
        Files.delete(other.resolve("stranger.sec"));
        Path root = tmp.resolve("root");
        IsnResult r = at(root, "--initdb", "--keys-dir", other.toString(), "-X", repo.url(), "install", "--json", "vim")
                .assertExit(4);
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        JsonNode error = JSON.readTree(r.stdout()).get("error");
        assertEquals("unknown-key", error.get("code").asText(), error.toString());
        assertTrue(r.stderr().contains(repo.url()), "names the repository: " + r.stderr());
        assertTrue(Files.notExists(root.resolve("usr")));
    }

    @Test
    void olderIndexIsRefusedAsRollbackNamingTheRepository() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path saved = tmp.resolve("saved");
        Files.createDirectories(saved);
        Files.copy(repo.repo.resolve("index.json"), saved.resolve("index.json"));
        Files.copy(repo.repo.resolve("index.json.sig"), saved.resolve("index.json.sig"));
        Thread.sleep(1100); // the serial grows with the generation time
        repo.index();
        Path root = initRoot(repo);
        Files.copy(saved.resolve("index.json"), repo.repo.resolve("index.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(saved.resolve("index.json.sig"), repo.repo.resolve("index.json.sig"), StandardCopyOption.REPLACE_EXISTING);
        IsnResult r = at(root, "update", "--json").assertExit(4);
        JsonNode error = JSON.readTree(r.stdout()).get("error");
        assertTrue(error.get("message").asText().contains("older than the last accepted serial"), error.toString());
        assertTrue(error.get("message").asText().contains(repo.url()), error.toString());
        at(root, "install", "vim").assertExit(4);
        assertTrue(Files.notExists(root.resolve("usr")));
    }

    @Test
    void expiredIndexIsRefusedAsFreeze() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        repo.index("--expires", "1s");
        Thread.sleep(1500);
        Path root = tmp.resolve("root");
        IsnResult r = at(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "install", "vim")
                .assertExit(4);
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
        assertTrue(r.stderr().contains("index expired at"), r.stderr());
        assertTrue(r.stderr().contains(repo.url()), r.stderr());
        assertTrue(Files.notExists(root.resolve("usr")));
    }
}
