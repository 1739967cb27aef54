package dev.kimigayo.isn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.crypto.Ed25519PublicKey;
import dev.kimigayo.isn.crypto.Ed25519SecretKey;
import dev.kimigayo.isn.crypto.KeyFiles;
import dev.kimigayo.isn.crypto.TrustedKeys;

class KeygenCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesAUsableKeyPairAndPrintsItsId() throws Exception {
        Path keys = dir.resolve("keys");
        assertEquals(0, run("keygen", "repo", "-o", keys.toString()));
        String id = out().strip();
        assertTrue(id.matches("[0-9a-f]{16}"), out());
        assertEquals(id + "\n", out().replace("\r\n", "\n"));
        Path sec = keys.resolve("repo.sec");
        Path pub = keys.resolve("repo.pub");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sec)));
        Ed25519SecretKey secret = KeyFiles.readSecret(sec);
        Ed25519PublicKey publicKey = KeyFiles.readPublic(pub);
        assertEquals(id, secret.keyId().hex());
        assertEquals(secret.publicKey(), publicKey);
        assertTrue(Files.readString(pub).startsWith("untrusted comment: repo public key\n"));
        byte[] msg = {1, 2, 3};
        assertEquals(publicKey, TrustedKeys.load(keys).verify(msg, secret.sign(msg)));
        assertTrue(err().contains("key id " + id), err());
    }

    @Test
    void refusesToOverwriteEitherFile() throws Exception {
        assertEquals(0, run("keygen", "k", "-o", dir.toString()));
        String first = Files.readString(dir.resolve("k.sec"));
        assertEquals(ExitCodes.USAGE, run("keygen", "k", "-o", dir.toString()));
        assertEquals("", out());
        assertEquals("isn: error: " + dir.resolve("k.sec") + " already exists; isn keygen never overwrites a key"
                + " (choose another NAME or -o DIR, or remove the old key first)", err().strip());
        assertEquals(first, Files.readString(dir.resolve("k.sec")));

        Files.writeString(dir.resolve("only.pub"), "someone's key\n");
        assertEquals(ExitCodes.USAGE, run("keygen", "only", "-o", dir.toString()));
        assertTrue(err().contains(dir.resolve("only.pub") + " already exists"), err());
        assertFalse(Files.exists(dir.resolve("only.sec")), "no half pair is left behind");
    }

    @Test
    void refusesNamesThatAreNotPlainFileNames() {
        for (String bad : new String[] {"../evil", ".hidden", "a/b", "has space", ""}) {
            assertEquals(ExitCodes.USAGE, run("keygen", bad, "-o", dir.toString()), bad);
            assertTrue(err().startsWith("isn: error: invalid key name '" + bad + "'"), err());
        }
    }

    @Test
    void nameIsRequired() {
        assertEquals(ExitCodes.USAGE, run("keygen"));
        assertTrue(err().contains("missing required parameter: 'NAME'"), err());
    }

    @Test
    void controlCharactersInTheOutputDirectoryAreEscapedOnStderr() {
        Path keys = dir.resolve("keys\u001b]0;owned\u0007");
        assertEquals(0, run("keygen", "repo", "-o", keys.toString()));
        assertFalse(err().contains("\u001b") || err().contains("\u0007"), err());
        assertTrue(err().contains("keys\\x1b]0;owned\\x07/repo.sec"), err());
    }
}
