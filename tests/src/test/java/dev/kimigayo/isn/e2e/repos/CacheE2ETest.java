package dev.kimigayo.isn.e2e.repos;

import static dev.kimigayo.isn.e2e.repos.Repos.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnResult;
import dev.kimigayo.isn.e2e.harness.NginxServer;

/** isn cache download fills the cache so a later install needs no network; cache clean drops obsolete files. */
class CacheE2ETest {

    @TempDir
    Path tmp;

    @Test
    void downloadThenOfflineInstallThenClean() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path root;
        Path cache;
        try (NginxServer nginx = NginxServer.start(repo.repo)) {
            root = Repos.root(tmp.resolve("root"), repo, nginx.baseUri().toString());
            cache = root.resolve("var/cache/isn/packages");
            Map<String, String> config = Repos.config(root);
            IsnResult r = at(root, "cache", "download", "--json", "vim").assertSuccess();
            JsonNode cached = new ObjectMapper().readTree(r.stdout()).get("cached");
            assertEquals(6, cached.size(), r::describe);
            assertTrue(Files.exists(cache.resolve("vim-9.0.2127-r0.isn")));
            assertFalse(Files.exists(root.resolve("usr/bin/vim")), "nothing installed");
            assertEquals(config, Repos.config(root), "world and repositories unchanged");
        }
        Files.writeString(cache.resolve("gone-1.0-r0.isn"), "a package no index lists any more");
        at(root, "--no-network", "install", "vim").assertSuccess();
        assertTrue(Files.exists(root.resolve("usr/bin/vim")));

        IsnResult clean = at(root, "cache", "clean", "--json").assertSuccess();
        JsonNode deleted = new ObjectMapper().readTree(clean.stdout()).get("deleted");
        assertEquals(1, deleted.size(), clean::describe);
        assertEquals("var/cache/isn/packages/gone-1.0-r0.isn", deleted.get(0).asText());
        assertTrue(Files.exists(cache.resolve("vim-9.0.2127-r0.isn")));
        at(root, "cache", "tidy").assertExit(2);
    }
}
