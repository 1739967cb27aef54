package dev.kimigayo.isn.e2e.repos;

import static dev.kimigayo.isn.e2e.repos.Repos.at;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnResult;
import dev.kimigayo.isn.e2e.harness.TempDirs;

/** An index signed with real {@code gpg --detach-sign} (legacy OpenPGP), trusted through an .asc key. */
class OpenPgpIndexE2ETest {

    @TempDir
    Path tmp;

    @Test
    void aGpgSignedIndexIsAcceptedWithTheSameRollbackRulesAndSha1IsRefused() throws Exception {
        Path gpg = Path.of("/usr/bin/gpg");
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(Files.isExecutable(gpg), "gpg is not installed");
        }
        // A short path: gpg-agent's socket path must fit in a sockaddr_un.
        Path home = Files.createTempDirectory("gpg");
        try {
            SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
            gpg(home, "--quick-gen-key", "Repo Test <repo@test.invalid>", "rsa2048", "sign", "never");
            Files.writeString(repo.trusted.resolve("repo.asc"),
                    gpg(home, "--armor", "--export", "repo@test.invalid"));
            Path index = repo.repo.resolve("index.json");
            Path sig = repo.repo.resolve("index.json.sig");
            gpg(home, "--yes", "--digest-algo", "SHA256", "--detach-sign", "-o", sig.toString(), index.toString());
            Path old = tmp.resolve("old");
            Files.createDirectories(old);
            Files.copy(index, old.resolve("index.json"));
            Files.copy(sig, old.resolve("index.json.sig"));

            Path root = tmp.resolve("root");
            at(root, "--initdb", "--keys-dir", repo.trusted.toString(), "update").assertSuccess();
            Files.writeString(root.resolve("etc/isn/repositories"), repo.url() + "\n");
            at(root, "install", "vim").assertSuccess();
            assertTrue(Files.exists(root.resolve("usr/bin/vim")));

            Thread.sleep(1100);
            repo.index();
            gpg(home, "--yes", "--digest-algo", "SHA256", "--detach-sign", "-o", sig.toString(), index.toString());
            at(root, "update").assertSuccess();
            Files.copy(old.resolve("index.json"), index, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(old.resolve("index.json.sig"), sig, StandardCopyOption.REPLACE_EXISTING);
            IsnResult rollback = at(root, "update").assertExit(4);
            assertTrue(rollback.stderr().contains("older than the last accepted serial"), rollback::describe);

            gpg(home, "--yes", "--digest-algo", "SHA1", "--detach-sign", "-o", sig.toString(), index.toString());
            IsnResult sha1 = at(root, "update").assertExit(4);
            assertTrue(sha1.stderr().contains("weak digest SHA1"), sha1::describe);

            Files.delete(root.resolve("etc/isn/keys/repo.asc"));
            gpg(home, "--yes", "--digest-algo", "SHA256", "--detach-sign", "-o", sig.toString(), index.toString());
            IsnResult unknown = at(root, "update").assertExit(4);
            assertTrue(unknown.stderr().contains("OpenPGP signature by a key that is not trusted"), unknown::describe);
        } finally {
            gpgconf(home);
            TempDirs.deleteRecursively(home);
        }
    }

    private static String gpg(Path home, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch",
                "--pinentry-mode", "loopback", "--passphrase", ""));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("gpg failed: " + cmd + "\n" + err);
        }
        return new String(out);
    }

    private static void gpgconf(Path home) throws InterruptedException {
        try {
            new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent").start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No agent to stop.
        }
    }
}
