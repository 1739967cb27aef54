package dev.kimigayo.isn.e2e.audit;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.engine.RootTree;
import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnResult;
import dev.kimigayo.isn.e2e.harness.NginxServer;

/**
 * {@code isn audit} on a root installed from a signed repository served by nginx, then tampered
 * with for real: every difference is listed with its letter, exit 1; a clean root exits 0; the
 * audit changes nothing and needs no network (nginx is stopped before it runs).
 */
class AuditE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path tmp;

    private Path installed() throws Exception {
        SignedRepo repo = SignedRepo.sample(tmp.resolve("repo"));
        Path root = tmp.resolve("root");
        try (NginxServer nginx = NginxServer.start(repo.repo)) {
            isn().runAt(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", nginx.baseUri().toString(),
                    "install", "vim").assertSuccess();
            SignedRepo.remember(root, nginx.baseUri());
        }
        return root;
    }

    @Test
    void aCleanRootPassesAndATamperedOneIsListedLineByLine() throws Exception {
        Path root = installed();
        IsnResult clean = isn().runAt(root, "audit", "--new").assertSuccess();
        assertEquals("", clean.stdout(), clean::describe);
        assertTrue(clean.stderr().contains("OK: every audited path matches the package database"), clean::describe);

        Files.writeString(root.resolve("usr/bin/vim"), "#!/bin/sh\necho trojan\n");
        Files.setAttribute(root.resolve("usr/bin/xxd"), "unix:mode", 04755);
        Files.delete(root.resolve("usr/bin/vimdiff"));
        Files.createSymbolicLink(root.resolve("usr/bin/vimdiff"), Path.of("/tmp/elsewhere"));
        Files.delete(root.resolve("usr/share/vim/vim90/syntax/sh.vim"));
        Files.delete(root.resolve("usr/share/vim/vim90/defaults.vim"));
        Files.createDirectory(root.resolve("usr/share/vim/vim90/defaults.vim"));
        Files.writeString(root.resolve("usr/bin/backdoor"), "x");
        Files.writeString(root.resolve("etc/vim/vimrc"), "set mine\n");
        if (ROOT) {
            Files.setAttribute(root.resolve("usr/share/vim/vim90"), "unix:uid", 4321);
        }
        Map<String, String> before = RootTree.withState(root);

        IsnResult plain = isn().runAt(root, "audit").assertExit(1);
        List<String> expected = new ArrayList<>(List.of("C /etc/vim/vimrc", "C /usr/bin/vim", "L /usr/bin/vimdiff",
                "M /usr/bin/xxd", "T /usr/share/vim/vim90/defaults.vim", "D /usr/share/vim/vim90/syntax/sh.vim"));
        if (ROOT) {
            expected.add(4, "O /usr/share/vim/vim90");
        }
        assertEquals(expected, plain.stdout().lines().toList(), plain::describe);
        assertTrue(plain.stderr().contains(expected.size() + " paths differ from the package database"), plain::describe);

        IsnResult withNew = isn().runAt(root, "audit", "--new", "--no-config").assertExit(1);
        List<String> lines = withNew.stdout().lines().toList();
        assertTrue(lines.contains("A /usr/bin/backdoor"), withNew::describe);
        assertFalse(lines.contains("C /etc/vim/vimrc"), withNew::describe);
        assertEquals(expected.size(), lines.size(), withNew::describe);

        IsnResult json = isn().runAt(root, "--json", "audit", "vim", "xxd").assertExit(1);
        JsonNode doc = JSON.readTree(json.stdout());
        assertEquals("audit", doc.get("command").asText());
        assertFalse(doc.get("ok").asBoolean(), json::describe);
        List<String> findings = new ArrayList<>();
        for (JsonNode f : doc.get("findings")) {
            findings.add(f.get("package").asText() + " " + f.get("path").asText() + " " + f.get("letters").asText()
                    + " " + f.get("differences"));
        }
        assertEquals(List.of("vim /usr/bin/vim C [\"content\"]", "vim /usr/bin/vimdiff L [\"link-target\"]",
                "xxd /usr/bin/xxd M [\"mode\"]"), findings, json::describe);

        assertEquals(before, RootTree.withState(root), "audit changes nothing, database included");
        isn().runAt(root, "audit", "no-such-package").assertExit(1);
    }
}
