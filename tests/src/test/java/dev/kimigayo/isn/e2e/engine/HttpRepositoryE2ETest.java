package dev.kimigayo.isn.e2e.engine;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.harness.IsnProcess;
import dev.kimigayo.isn.e2e.harness.IsnResult;
import dev.kimigayo.isn.e2e.harness.NginxServer;

/** A signed repository served by nginx on 127.0.0.1: cache or --no-cache, conditional GET, upgrade after re-indexing. */
class HttpRepositoryE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static IsnResult at(Path root, String... args) throws Exception {
        return isn().runAt(root, args);
    }

    private static long count(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void noCacheInstallLeavesNoIndexOrPackageBehind() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        try (NginxServer nginx = NginxServer.start(repo.repo)) {
            Path root = tmp.resolve("root");
            at(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", nginx.baseUri().toString(),
                    "install", "--no-cache", "vim").assertSuccess();
            SignedRepo.remember(root, nginx.baseUri().toString()); // -X is for one command: keep it, as etc/isn/repositories would
            assertTrue(Files.exists(root.resolve("usr/bin/vim")));
            assertEquals(0, count(root.resolve("var/cache/isn")), "no cache left in the layer");
            assertEquals(0, count(root.resolve("var/lib/isn/tmp")));
            assertEquals(List.of(), RootTree.leftovers(root));
        }
    }

    @Test
    void cachedIndexIsRevalidatedAndANewerVersionIsUpgradedTo() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        try (NginxServer nginx = NginxServer.start(repo.repo)) {
            Path root = tmp.resolve("root");
            at(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", nginx.baseUri().toString(),
                    "install", "vim").assertSuccess();
            SignedRepo.remember(root, nginx.baseUri().toString()); // -X is for one command: keep it, as etc/isn/repositories would
            assertTrue(count(root.resolve("var/cache/isn/packages")) >= 6, "packages cached");
            IsnResult again = at(root, "update").assertSuccess();
            assertTrue(again.stderr().contains("unchanged"), again.stderr());
            assertTrue(nginx.accessLog().stream().anyMatch(l -> l.contains("index.json") && l.contains(" 304 ")),
                    String.join("\n", nginx.accessLog()));

            Path src = IsnProcess.projectRoot().resolve("packaging/sample-repo/vim");
            Path next = tmp.resolve("vim-next");
            copyTree(src, next);
            Files.writeString(next.resolve("PKGINFO"), Files.readString(next.resolve("PKGINFO"))
                    .replace("version = 9.0.2127-r0", "version = 9.0.2127-r1"));
            repo.pack(next);
            Thread.sleep(1100);
            repo.index();
            at(root, "update").assertSuccess();
            IsnResult up = at(root, "upgrade", "--json").assertSuccess();
            JsonNode change = JSON.readTree(up.stdout()).get("changes").get(0);
            assertEquals("upgrade", change.get("action").asText());
            assertEquals("vim", change.get("name").asText());
            assertEquals("9.0.2127-r0", change.get("old_version").asText());
            assertEquals("9.0.2127-r1", change.get("new_version").asText());
            assertTrue(up.stderr().contains("Upgrading vim (9.0.2127-r0 -> 9.0.2127-r1)"), up.stderr());
            assertTrue(at(root, "list").stdout().contains("vim-9.0.2127-r1 [world]"));
        }
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
