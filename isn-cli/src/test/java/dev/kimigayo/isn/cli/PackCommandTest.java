package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kimigayo.isn.core.archive.KeyringTrust;
import dev.kimigayo.isn.core.archive.OpenPackage;
import dev.kimigayo.isn.core.archive.PackageReader;
import dev.kimigayo.isn.crypto.Ed25519KeyPair;
import dev.kimigayo.isn.crypto.KeyFiles;
import dev.kimigayo.isn.crypto.TrustedKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCommandTest {

    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, args);
    }

    private Path source(String name, String version) throws Exception {
        Path dir = tmp.resolve("src/" + name);
        Files.createDirectories(dir.resolve("usr/share/" + name));
        Files.writeString(dir.resolve("PKGINFO"), "name = " + name + "\nversion = " + version + "\narchitecture = noarch\n");
        Files.writeString(dir.resolve("usr/share/" + name + "/README"), name + "\n");
        return dir;
    }

    @Test
    void packsManyDirectoriesSignedAndPrintsEachFile() throws Exception {
        Ed25519KeyPair pair = Ed25519KeyPair.generate(new SecureRandom());
        Path key = tmp.resolve("repo.sec");
        KeyFiles.writeSecret(key, pair.secretKey(), "repo");
        Path repo = tmp.resolve("repo");
        assertEquals(0, run(Map.of("SOURCE_DATE_EPOCH", "1700000000"), "pack", source("foo", "1.0-r0").toString(),
                source("bar", "2.1-r3").toString(), "-o", repo.toString(), "--key", key.toString()));
        assertEquals(repo.resolve("foo-1.0-r0.isn") + "\n" + repo.resolve("bar-2.1-r3.isn") + "\n",
                out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        TrustedKeys trusted = TrustedKeys.of(List.of(pair.publicKey()), "test");
        try (InputStream in = Files.newInputStream(repo.resolve("bar-2.1-r3.isn"))) {
            OpenPackage pkg = new PackageReader(KeyringTrust.requireSigned(trusted)).verify(in, "bar");
            assertEquals(Optional.of(pair.keyId().hex()), pkg.signer());
            assertTrue(new String(pkg.pkginfoBytes(), StandardCharsets.UTF_8).contains("build_date = 1700000000\n"));
        }
    }

    @Test
    void unsignedPackagesGetAWarning() throws Exception {
        Path repo = tmp.resolve("repo");
        assertEquals(0, run(Map.of(), "pack", source("foo", "1.0-r0").toString(), "-o", repo.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("warning: no --key given; the packages are unsigned"));
        assertTrue(Files.getPosixFilePermissions(repo.resolve("foo-1.0-r0.isn")).contains(
                java.nio.file.attribute.PosixFilePermission.OTHERS_READ), "a repository file is world-readable");
    }

    @Test
    void sameSourcesGiveSameBytesWhateverTheTimeZoneVariable() throws Exception {
        Path dir = source("foo", "1.0-r0");
        assertEquals(0, run(Map.of("TZ", "Asia/Tokyo", "SOURCE_DATE_EPOCH", "5"), "pack", dir.toString(), "-o", tmp.resolve("a").toString()));
        Files.setLastModifiedTime(dir.resolve("usr/share/foo/README"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(0, run(Map.of("TZ", "America/New_York", "SOURCE_DATE_EPOCH", "5"), "pack", dir.toString(), "-o", tmp.resolve("b").toString()));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/foo-1.0-r0.isn")), Files.readAllBytes(tmp.resolve("b/foo-1.0-r0.isn")));
    }

    @Test
    void refusesBadSourceDateEpochAndBadSources() throws Exception {
        assertEquals(ExitCodes.USAGE, run(Map.of("SOURCE_DATE_EPOCH", "yesterday"), "pack", source("foo", "1").toString(),
                "-o", tmp.resolve("o").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("SOURCE_DATE_EPOCH='yesterday' is not a number of seconds"));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(ExitCodes.USAGE, run(Map.of(), "pack", empty.toString(), "-o", tmp.resolve("o").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("isn: error: " + empty + ": no PKGINFO file"), err.toString(StandardCharsets.UTF_8));
        assertEquals(ExitCodes.USAGE, run(Map.of(), "pack", source("foo", "1").toString(), "-o", tmp.resolve("o").toString(),
                "--key", tmp.resolve("missing.sec").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read the secret key"));
        assertFalse(Files.exists(tmp.resolve("o/foo-1.isn")));
        Path twin = source("twin", "1");
        Files.writeString(twin.resolve("PKGINFO"), "name = foo\nversion = 1\narchitecture = noarch\n");
        assertEquals(ExitCodes.USAGE, run(Map.of(), "pack", source("foo", "1").toString(), twin.toString(), "-o", tmp.resolve("o").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("two directories give the same package foo-1.isn"));
    }

    @Test
    void packsInParallelKeepingArgumentOrder() throws Exception {
        StringBuilder expected = new StringBuilder();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("pack", "-j", "3", "-o", tmp.resolve("r").toString()));
        for (int i = 0; i < 40; i++) {
            args.add(source("p" + i, "1.0").toString());
            expected.append(tmp.resolve("r/p" + i + "-1.0.isn")).append('\n');
        }
        assertEquals(0, run(Map.of(), args.toArray(String[]::new)));
        assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
        try (var files = Files.list(tmp.resolve("r"))) {
            assertEquals(40, files.count(), "no temporary files left");
        }
    }

    @Test
    void controlCharactersInASourcePathAreEscapedOnStderr() throws Exception {
        Path bad = Files.createDirectories(tmp.resolve("src\u001b[2J"));
        assertEquals(ExitCodes.USAGE, run(Map.of(), "pack", bad.toString(), "-o", tmp.resolve("out").toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(!e.contains("\u001b"), e);
        assertTrue(e.contains("src\\x1b[2J"), e);
    }
}
