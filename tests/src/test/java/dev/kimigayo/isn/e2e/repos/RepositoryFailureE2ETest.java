package dev.kimigayo.isn.e2e.repos;

import static dev.kimigayo.isn.e2e.repos.Repos.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnResult;
import dev.kimigayo.isn.e2e.harness.NginxServer;

/** -X is for one command; an unreachable repository is reported and left out; removal and --no-network need no network. */
class RepositoryFailureE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aTypoedRepositoryOptionChangesNoConfigurationAndLaterCommandsWork() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path root = Repos.root(tmp.resolve("root"), repo, "# the sample", repo.url());
        at(root, "install", "busybox").assertSuccess();
        Map<String, String> before = Repos.config(root);

        String dead = "http://127.0.0.1:" + Repos.deadPort() + "/typo";
        IsnResult failed = at(root, "-X", dead, "install", "no-such-package").assertExit(5);
        assertTrue(failed.stderr().contains("ignoring " + dead), failed::describe);
        assertTrue(failed.stderr().contains("could not be loaded"), failed::describe);
        at(root, "-X", "htp:/typo", "install", "vim").assertExit(2);
        at(root, "-X", repo.url(), "install", "vim", "--simulate").assertSuccess();
        assertEquals(before, Repos.config(root), "etc/isn byte-identical after -X and failed commands");

        IsnResult later = at(root, "install", "vim").assertSuccess();
        assertFalse(later.stderr().contains("typo"), later::describe);
        assertTrue(Files.exists(root.resolve("usr/bin/vim")));
    }

    @Test
    void anUnreachableRepositoryIsIgnoredWithAWarningAndRemovalNeedsNoNetwork() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        String dead = "http://127.0.0.1:" + Repos.deadPort() + "/";
        Path root = Repos.root(tmp.resolve("root"), repo, dead, repo.url());

        IsnResult install = at(root, "install", "--json", "vim").assertSuccess();
        assertTrue(install.stderr().contains("isn: warning: ignoring " + dead + ": "), install::describe);
        JsonNode warnings = JSON.readTree(install.stdout()).get("warnings");
        boolean listed = false;
        for (JsonNode w : warnings) {
            listed |= w.asText().startsWith("ignoring " + dead + ": ");
        }
        assertTrue(listed, install::describe);
        assertTrue(Files.exists(root.resolve("usr/bin/vim")));

        IsnResult del = at(root, "del", "vim").assertSuccess();
        assertTrue(del.elapsed().compareTo(Duration.ofSeconds(5)) < 0, "no fetch, no retries: " + del.describe());
        assertFalse(Files.exists(root.resolve("usr/bin/vim")));
        at(root, "search", "vim").assertSuccess();
    }

    @Test
    void aRefusedRepositoryWithoutACacheIsGivenUpAfterOneRetry() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        String dead = "http://127.0.0.1:" + Repos.deadPort() + "/";
        Path root = Repos.root(tmp.resolve("root"), repo, dead);

        IsnResult install = at(root, "install", "vim").assertExit(5);
        assertTrue(install.stderr().contains("isn: warning: ignoring " + dead + ": "), install::describe);
        // Refused connections get one retry after 1 s; the whole schedule (1 + 2 + 4 s) took ~8 s more.
        assertTrue(install.stderr().contains("(gave up after 2 attempts)"), install::describe);
        assertTrue(install.elapsed().compareTo(Duration.ofSeconds(6)) < 0, install::describe);
        assertFalse(Files.exists(root.resolve("usr/bin/vim")));
    }

    @Test
    void noNetworkUsesTheCacheAndNamesThePackageItCannotFetch() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path root;
        try (NginxServer nginx = NginxServer.start(repo.repo)) {
            root = Repos.root(tmp.resolve("root"), repo, nginx.baseUri().toString());
            at(root, "install", "busybox").assertSuccess();
        }
        // nginx is gone: the cached index still answers, and busybox's cached package reinstalls.
        IsnResult offline = at(root, "--no-network", "install", "--json", "vim").assertExit(5);
        JsonNode error = JSON.readTree(offline.stdout()).get("error");
        assertEquals("fetch-offline", error.get("code").asText(), offline::describe);
        // The first package that is not in the package cache is named, with the repository it is in.
        assertTrue(error.get("message").asText().matches("not fetching http://127\\.0\\.0\\.1:\\d+/[a-z0-9.+-]+-[0-9][0-9a-z._]*-r0\\.isn: "
                + "the network is off \\(--no-network\\).*"), offline::describe);
        assertTrue(offline.elapsed().compareTo(Duration.ofSeconds(5)) < 0, offline::describe);
        assertFalse(Files.exists(root.resolve("usr/bin/vim")));
        at(root, "--no-network", "search", "vim").assertSuccess();
        at(root, "--no-network", "del", "busybox").assertSuccess();
    }
}
