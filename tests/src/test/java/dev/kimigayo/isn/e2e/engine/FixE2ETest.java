package dev.kimigayo.isn.e2e.engine;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kimigayo.isn.e2e.harness.IsnProcess;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/**
 * {@code isn fix} finds installed files that no longer match the database (content, mode, link
 * target, missing) and reinstalls their packages, restoring the signed manifest's bytes and modes;
 * changed configuration files are left alone.
 */
class FixE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    static SignedRepo repo;
    static Map<String, String> pristine;

    @TempDir
    Path tmp;

    @BeforeAll
    static void referenceInstall() throws Exception {
        repo = SignedRepo.sample(shared.resolve("sample"));
        Path fresh = shared.resolve("fresh");
        install(fresh);
        pristine = RootTree.of(fresh);
    }

    private static void install(Path root) throws Exception {
        isn().runAt(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", repo.url(), "install", "vim")
                .assertSuccess();
        SignedRepo.remember(root, repo.url()); // -X is for one command: keep it, as etc/isn/repositories would
    }

    @Test
    void fixWithoutArgumentsFindsDamagedPackagesAndRestoresThem() throws Exception {
        Path root = tmp.resolve("root");
        install(root);
        Files.writeString(root.resolve("usr/bin/vim"), "#!/bin/sh\necho trojan\n");
        Files.setPosixFilePermissions(root.resolve("usr/bin/vim"), PosixFilePermissions.fromString("rw-------"));
        Files.delete(root.resolve("usr/bin/vimdiff"));
        Files.createSymbolicLink(root.resolve("usr/bin/vimdiff"), Path.of("/tmp/elsewhere"));
        Files.delete(root.resolve("usr/bin/xxd"));
        Files.setAttribute(root.resolve("lib/ld-musl-x86_64.so.1"), "unix:mode", 04755);
        Files.writeString(root.resolve("etc/vim/vimrc"), "set mine\n");

        IsnResult r = isn().runAt(root, "fix", "--json").assertSuccess();

        JsonNode doc = JSON.readTree(r.stdout());
        assertEquals(List.of("musl /lib/ld-musl-x86_64.so.1 mode", "vim /usr/bin/vim content",
                "vim /usr/bin/vimdiff link-target", "xxd /usr/bin/xxd missing"), damage(doc), r::describe);
        assertEquals(List.of("reinstall musl", "reinstall xxd", "reinstall vim"), changes(doc), r::describe);
        assertTrue(r.stderr().contains("vim: /usr/bin/vim: content changed"), r::describe);
        assertTrue(r.stderr().contains("xxd: /usr/bin/xxd: missing"), r::describe);
        Map<String, String> repaired = RootTree.of(root);
        assertEquals("set mine\n", Files.readString(root.resolve("etc/vim/vimrc")), "config files are not 'damage'");
        repaired.remove("etc/vim/vimrc");
        Map<String, String> expected = new java.util.TreeMap<>(pristine);
        expected.remove("etc/vim/vimrc");
        assertEquals(expected, repaired, "every file has the package's bytes and mode again");
        assertEquals(sha256(sample("vim/usr/bin/vim")), recordedSha256(root, "vim", "/usr/bin/vim"));
        assertEquals(List.of(), RootTree.leftovers(root));

        IsnResult again = isn().runAt(root, "fix", "--json").assertSuccess();
        assertEquals(List.of(), damage(JSON.readTree(again.stdout())));
        assertTrue(isn().runAt(root, "fix").assertSuccess().stderr().contains("OK: nothing to fix"));
    }

    @Test
    void fixNamingAPackageReinstallsIt() throws Exception {
        Path root = tmp.resolve("root");
        install(root);
        Files.write(root.resolve("usr/bin/vim"), new byte[] {0});
        Files.setPosixFilePermissions(root.resolve("usr/bin/vim"), PosixFilePermissions.fromString("rwxrwxrwx"));

        IsnResult r = isn().runAt(root, "fix", "vim").assertSuccess();

        assertTrue(r.stderr().contains("(1/1) Reinstalling vim (9.0.2127-r0)"), r::describe);
        assertEquals(pristine.get("usr/bin/vim"), RootTree.of(root).get("usr/bin/vim"));
        assertEquals(pristine, RootTree.of(root));
    }

    @Test
    void aPackageNoRepositoryOffersAnyMoreIsNotFakedAndNothingChanges() throws Exception {
        Path copy = tmp.resolve("copy");
        HttpRepositoryE2ETest.copyTree(repo.repo, copy);
        Path root = tmp.resolve("root");
        isn().runAt(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", copy.toUri().toString(),
                "install", "vim").assertSuccess();
        SignedRepo.remember(root, copy.toUri().toString()); // -X is for one command: keep it, as etc/isn/repositories would
        Files.delete(copy.resolve("xxd-9.0.2127-r0.isn"));
        Thread.sleep(1100);
        isn().run("index", copy.toString(), "--key", repo.keys.resolve("demo.sec").toString()).assertSuccess();
        Files.delete(root.resolve("usr/bin/xxd"));
        Map<String, String> before = RootTree.of(root);

        IsnResult r = isn().runAt(root, "fix", "--json").assertExit(3);

        JsonNode error = JSON.readTree(r.stdout()).get("error");
        assertEquals("unavailable", error.get("code").asText(), error::toString);
        assertTrue(error.get("message").asText().startsWith("cannot reinstall xxd 9.0.2127-r0: no configured"
                + " repository offers that version any more"), error::toString);
        assertEquals(before, RootTree.of(root));
    }

    private static List<String> damage(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.get("damaged").forEach(d -> out.add(d.get("package").asText() + " " + d.get("path").asText() + " "
                + d.get("problem").asText()));
        return out;
    }

    private static List<String> changes(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.get("changes").forEach(c -> out.add(c.get("action").asText() + " " + c.get("name").asText()));
        return out;
    }

    private static String recordedSha256(Path root, String pkg, String path) throws Exception {
        JsonNode files = JSON.readTree(isn().runAt(root, "files", "--json", pkg).assertSuccess().stdout()).get("files");
        for (JsonNode f : files) {
            if (f.get("path").asText().equals(path)) {
                return f.get("sha256").asText();
            }
        }
        throw new AssertionError(path + " not recorded for " + pkg + ": " + files);
    }

    private static Path sample(String path) {
        return IsnProcess.projectRoot().resolve("packaging/sample-repo").resolve(path);
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
