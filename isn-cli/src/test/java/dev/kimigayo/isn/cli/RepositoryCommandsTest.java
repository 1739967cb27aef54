package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.core.archive.PackageBuilder;
import dev.kimigayo.isn.core.archive.PackageSigner;
import dev.kimigayo.isn.crypto.Ed25519KeyPair;
import dev.kimigayo.isn.crypto.KeyFiles;

/** {@code isn index} and {@code isn verify} in-process: exit codes, stdout and stderr. */
class RepositoryCommandsTest {

    @TempDir
    Path dir;
    Path repo;
    Path secret;
    Path trusted;
    Ed25519KeyPair key;

    private String out;
    private String err;

    private int isn(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                Map.of(), args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @BeforeEach
    void packSamples() throws Exception {
        key = Ed25519KeyPair.generate(new SecureRandom());
        secret = dir.resolve("test.sec");
        KeyFiles.writeSecret(secret, key.secretKey(), "test");
        trusted = Files.createDirectories(dir.resolve("trusted"));
        KeyFiles.writePublic(trusted.resolve("test.pub"), key.publicKey(), "test");
        repo = Files.createDirectories(dir.resolve("repo"));
        PackageBuilder builder = new PackageBuilder(java.util.OptionalLong.of(0), PackageSigner.with(key.secretKey()));
        Path samples = Path.of(System.getProperty("isn.projectRoot", "..")).resolve("packaging/sample-repo");
        for (String name : List.of("musl", "ncurses-terminfo-base", "ncurses-libs")) {
            builder.build(samples.resolve(name), repo);
        }
    }

    private List<String> packages() throws Exception {
        try (Stream<Path> files = Files.list(repo)) {
            return files.map(Path::toString).filter(f -> f.endsWith(".isn")).sorted().toList();
        }
    }

    private String[] verifyArgs(Path keys, List<String> files) {
        List<String> args = new ArrayList<>(List.of("verify", "--keys-dir", keys.toString()));
        args.addAll(files);
        return args.toArray(String[]::new);
    }

    @Test
    void indexThenVerifyEverything() throws Exception {
        assertEquals(0, isn("index", repo.toString(), "--key", secret.toString(), "--expires", "12h"), err);
        assertEquals(repo.resolve("index.json") + "\n", out);
        assertTrue(err.startsWith("isn index: 3 packages, serial "), err);
        assertTrue(err.contains("key " + key.keyId().hex()), err);
        List<String> files = new ArrayList<>(packages());
        files.add(repo.resolve("index.json").toString());
        assertEquals(0, isn(verifyArgs(trusted, files)), err);
        assertEquals(files.stream().map(f -> "OK " + f + "\n").reduce("", String::concat), out);
        assertEquals("", err);
    }

    @Test
    void verifyReportsEachFailureAndExits4() throws Exception {
        assertEquals(0, isn("index", repo.toString(), "--key", secret.toString()));
        Path musl = repo.resolve("musl-1.2.5-r0.isn");
        byte[] bytes = Files.readAllBytes(musl);
        bytes[bytes.length - 20] ^= 0x40;
        Files.write(musl, bytes);
        Path missing = repo.resolve("nothere-1-r0.isn");
        Path index = repo.resolve("index.json");
        assertEquals(ExitCodes.INTEGRITY, isn(verifyArgs(trusted, List.of(musl.toString(), missing.toString(),
                index.toString(), repo.resolve("ncurses-libs-6.4_p20231125-r0.isn").toString()))));
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(0).startsWith("FAILED " + musl + " ("), out);
        assertEquals("FAILED " + missing + " (unreadable-file)", lines.get(1));
        assertTrue(lines.get(2).startsWith("FAILED " + index + " (") && lines.get(2).contains("-mismatch)"), out);
        assertEquals("OK " + repo.resolve("ncurses-libs-6.4_p20231125-r0.isn"), lines.get(3));
        assertTrue(err.contains("isn: error: " + missing + ": no such file"), err);
        assertTrue(err.contains("mismatch, " + musl + ": the index lists "), err);
    }

    @Test
    void verifyRefusesUnknownKeyAndBadSignature() throws Exception {
        assertEquals(0, isn("index", repo.toString(), "--key", secret.toString()));
        Path other = Files.createDirectories(dir.resolve("other"));
        KeyFiles.writePublic(other.resolve("other.pub"), Ed25519KeyPair.generate(new SecureRandom()).publicKey(), "other");
        Path index = repo.resolve("index.json");
        assertEquals(4, isn(verifyArgs(other, List.of(index.toString(), packages().get(0)))));
        assertEquals("FAILED " + index + " (unknown-key)\nFAILED " + packages().get(0) + " (unknown-key)\n", out);
        assertTrue(err.contains("index signed by unknown key " + key.keyId().hex()), err);

        Files.writeString(index, Files.readString(index).replace("\"name\":\"musl\"", "\"name\":\"musl\" "));
        assertEquals(4, isn(verifyArgs(trusted, List.of(index.toString()))));
        assertEquals("FAILED " + index + " (bad-signature)\n", out);
    }

    @Test
    void verifyJsonGivesOneDocument() throws Exception {
        assertEquals(0, isn("index", repo.toString(), "--key", secret.toString()));
        assertEquals(0, isn("verify", "--json", "--keys-dir", trusted.toString(), repo.resolve("index.json").toString()));
        assertTrue(out.contains("\"command\" : \"verify\""), out);
        assertTrue(out.contains("\"ok\" : true"), out);
        assertTrue(out.contains("\"file\" : \"" + repo.resolve("index.json") + "\""), out);
    }

    @Test
    void usageErrors() throws Exception {
        assertEquals(ExitCodes.USAGE, isn("index", repo.toString(), "--key", secret.toString(), "--expires", "soon"));
        assertTrue(err.contains("isn: error: invalid expiry duration 'soon'"), err);
        assertEquals(ExitCodes.USAGE, isn("index", repo.toString(), "--key", dir.resolve("none.sec").toString()));
        assertTrue(err.contains("none.sec: no such secret key file; create one with 'isn keygen NAME'"), err);
        assertEquals(ExitCodes.USAGE, isn("index", repo.toString()));
        assertTrue(err.contains("missing required option: '--key=SEC'"), err);
        assertEquals(ExitCodes.USAGE, isn("verify", "--keys-dir", dir.resolve("nokeys").toString(), packages().get(0)));
        assertTrue(err.contains("nokeys: no trusted keys folder"), err);
        assertEquals(ExitCodes.USAGE, isn("verify", "--keys-dir", repo.toString(), packages().get(0)));
        assertTrue(err.contains("no trusted public keys (*.pub) in the folder"), err);
        assertEquals(ExitCodes.USAGE, isn("verify", "--allow-untrusted", "--keys-dir", trusted.toString(), packages().get(0)));
        assertTrue(err.contains("--allow-untrusted cannot be used with it"), err);
    }

    @Test
    void indexRefusesForeignPackageWithExit4() throws Exception {
        Ed25519KeyPair stranger = Ed25519KeyPair.generate(new SecureRandom());
        Path samples = Path.of(System.getProperty("isn.projectRoot", "..")).resolve("packaging/sample-repo");
        new PackageBuilder(java.util.OptionalLong.of(0), PackageSigner.with(stranger.secretKey())).build(samples.resolve("docs"), repo);
        assertEquals(ExitCodes.INTEGRITY, isn("index", repo.toString(), "--key", secret.toString()));
        assertTrue(err.contains("docs-0.2-r6.isn") && err.contains("unknown key " + stranger.keyId().hex()), err);
        assertTrue(Files.notExists(repo.resolve("index.json")));
    }
}
