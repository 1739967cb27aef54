package dev.kimigayo.isn.e2e.repos;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static dev.kimigayo.isn.e2e.repos.Repos.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.engine.HttpRepositoryE2ETestAccess;
import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/** search lists a package once when two repositories carry it; the untrusted warning comes once per package. */
class SearchAndUntrustedE2ETest {

    @TempDir
    Path tmp;

    @Test
    void aPackageInTwoRepositoriesIsListedOnceNamingBoth() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path copy = tmp.resolve("copy");
        HttpRepositoryE2ETestAccess.copyTree(repo.repo, copy);
        Path root = Repos.root(tmp.resolve("root"), repo, repo.url(), copy.toUri().toString());
        at(root, "update").assertSuccess();
        IsnResult r = at(root, "search", "vim-common").assertSuccess();
        assertEquals(List.of("vim-common-9.0.2127-r0 (in " + repo.url() + ", " + copy.toUri() + ")"),
                r.stdout().lines().toList(), r::describe);
        JsonNode p = new ObjectMapper().readTree(at(root, "search", "--json", "vim-common").stdout()).get("packages");
        assertEquals(1, p.size());
        assertEquals(2, p.get(0).get("repositories").size());
    }

    @Test
    void theUntrustedPackageWarningComesOncePerPackage() throws Exception {
        Path src = SignedRepo.source(tmp.resolve("hello"), "name = hello\nversion = 1.0-r0\narchitecture = noarch\n"
                + "description = unsigned\nlicense = MIT\n", "usr/share/hello", "hi\n");
        isn().run("pack", src.toString(), "-o", tmp.toString()).assertSuccess();
        Path root = tmp.resolve("root");
        IsnResult r = at(root, "--initdb", "--allow-untrusted", "install", tmp.resolve("hello-1.0-r0.isn").toString())
                .assertSuccess();
        assertEquals(1, r.stderr().split("USING UNTRUSTED PACKAGE", -1).length - 1, r::describe);
    }
}
