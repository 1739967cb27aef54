package dev.kimigayo.isn.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void writeReadRoundTripWithModes() throws Exception {
        Ed25519KeyPair pair = Keys.fresh();
        Path sec = dir.resolve("k.sec");
        Path pub = dir.resolve("k.pub");
        KeyFiles.writeSecret(sec, pair.secretKey(), "k");
        KeyFiles.writePublic(pub, pair.publicKey(), "k");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sec)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(pub)));
        Ed25519SecretKey s = KeyFiles.readSecret(sec);
        assertEquals(pair.keyId(), s.keyId());
        assertArrayEquals(pair.secretKey().seed(), s.seed());
        assertEquals(pair.publicKey(), KeyFiles.readPublic(pub));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void refusesToOverwriteAndLeavesTheOldFile() throws Exception {
        Path sec = dir.resolve("k.sec");
        Files.writeString(sec, "precious");
        Ed25519KeyPair pair = Keys.fresh();
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> KeyFiles.writeSecret(sec, pair.secretKey(), "k"));
        assertEquals(sec.toString(), e.getFile());
        assertEquals("precious", Files.readString(sec));
        Files.createSymbolicLink(dir.resolve("l.pub"), dir.resolve("nowhere"));
        assertThrows(FileAlreadyExistsException.class,
                () -> KeyFiles.writePublic(dir.resolve("l.pub"), pair.publicKey(), "k"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void exactFileContentForAKnownKey() {
        Ed25519SecretKey k = Keys.rfc1();
        byte[] pub = KeyFiles.encodePublic(k.publicKey(), "test");
        byte[] p = new byte[42];
        p[0] = 'E';
        p[1] = 'd';
        System.arraycopy(Keys.hex("0102030405060708"), 0, p, 2, 8);
        System.arraycopy(Keys.hex(Keys.RFC1_PUBLIC), 0, p, 10, 32);
        assertEquals("untrusted comment: test public key\n" + Base64.getEncoder().encodeToString(p) + "\n",
                new String(pub, StandardCharsets.UTF_8));
        String sec = new String(KeyFiles.encodeSecret(k, "test"), StandardCharsets.UTF_8);
        byte[] s = Base64.getDecoder().decode(sec.split("\n")[1]);
        assertEquals("untrusted comment: test secret key", sec.split("\n")[0]);
        assertEquals(104, s.length);
        assertEquals("EdBK", new String(s, 0, 4, StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[4 + 16], java.util.Arrays.copyOfRange(s, 4, 24), "rounds 0, zero salt");
        assertArrayEquals(Keys.hex("0102030405060708"), java.util.Arrays.copyOfRange(s, 32, 40));
        assertArrayEquals(Keys.hex(Keys.RFC1_SEED + Keys.RFC1_PUBLIC), java.util.Arrays.copyOfRange(s, 40, 104));
    }

    private byte[] secretPayload() {
        String sec = new String(KeyFiles.encodeSecret(Keys.rfc1(), "t"), StandardCharsets.UTF_8);
        return Base64.getDecoder().decode(sec.split("\n")[1]);
    }

    private static String file(byte[] payload) {
        return "untrusted comment: t\n" + Base64.getEncoder().encodeToString(payload) + "\n";
    }

    private void assertMalformedSecret(String content, String problem) throws IOException {
        Path f = dir.resolve("bad" + System.nanoTime() + ".sec");
        Files.writeString(f, content);
        MalformedKeyException e = assertThrows(MalformedKeyException.class, () -> KeyFiles.readSecret(f));
        assertEquals(problem, e.problem());
        assertEquals(f + ": " + problem, e.getMessage());
    }

    private void assertMalformedPublic(byte[] content, String problem) throws IOException {
        Path f = dir.resolve("bad" + System.nanoTime() + ".pub");
        Files.write(f, content);
        MalformedKeyException e = assertThrows(MalformedKeyException.class, () -> KeyFiles.readPublic(f));
        assertEquals(problem, e.problem());
        assertEquals(f.toString(), e.source());
    }

    @Test
    void refusesEveryMalformedSecretKey() throws IOException {
        byte[] p = secretPayload();
        byte[] encrypted = p.clone();
        encrypted[7] = 42;
        assertMalformedSecret(file(encrypted), "the secret key is protected by a passphrase (kdf rounds 42);"
                + " isn reads only unencrypted keys, made by 'isn keygen' or 'signify -G -n'");
        byte[] kdf = p.clone();
        kdf[2] = 'S';
        assertMalformedSecret(file(kdf), "line 2 (secret key): key derivation is not 'BK' (bcrypt_pbkdf)");
        byte[] alg = p.clone();
        alg[0] = 'R';
        assertMalformedSecret(file(alg), "line 2: algorithm is not 'Ed' (Ed25519)");
        byte[] corrupt = p.clone();
        corrupt[50] ^= 1;
        assertMalformedSecret(file(corrupt), "checksum mismatch: the secret key is corrupt");
        byte[] short1 = java.util.Arrays.copyOf(p, 103);
        assertMalformedSecret(file(short1), "line 2 (secret key) decodes to 103 bytes, expected 104");
        assertMalformedSecret(file(p) + "extra\n", "unexpected data after line 2; a secret key file has two lines");
        assertMalformedSecret(new String(KeyFiles.encodePublic(Keys.rfc1().publicKey(), "t"), StandardCharsets.UTF_8),
                "line 2 (secret key) decodes to 42 bytes, expected 104");
    }

    @Test
    void refusesASecretKeyWhosePublicHalfDoesNotMatch() throws Exception {
        byte[] p = secretPayload();
        p[103] ^= 1;
        // Recompute signify's checksum so only the public half is wrong.
        byte[] seckey = java.util.Arrays.copyOfRange(p, 40, 104);
        byte[] sum = java.security.MessageDigest.getInstance("SHA-512").digest(seckey);
        System.arraycopy(sum, 0, p, 24, 8);
        assertMalformedSecret(file(p), "the public half stored in the secret key does not match its seed");
    }

    @Test
    void refusesEveryMalformedPublicKey() throws IOException {
        byte[] good = KeyFiles.encodePublic(Keys.rfc1().publicKey(), "t");
        String text = new String(good, StandardCharsets.UTF_8);
        byte[] payload = Base64.getDecoder().decode(text.split("\n")[1]);
        assertMalformedPublic(new byte[0], "file is empty");
        assertMalformedPublic(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8),
                "line 1 (untrusted comment) ends with CR: Windows line endings are not allowed, use LF only");
        assertMalformedPublic(text.substring(0, text.length() - 1).getBytes(StandardCharsets.UTF_8),
                "line 2 (public key) is not terminated by a newline (LF)");
        assertMalformedPublic(("-----BEGIN PUBLIC KEY-----\n" + text).getBytes(StandardCharsets.UTF_8),
                "line 1 (untrusted comment) must start with 'untrusted comment: '");
        assertMalformedPublic((text + "\n").getBytes(StandardCharsets.UTF_8),
                "unexpected data after line 2; a public key file has two lines");
        byte[] latin1 = ("untrusted comment: caf\u00e9\n" + text.split("\n")[1] + "\n").getBytes(StandardCharsets.ISO_8859_1);
        assertMalformedPublic(latin1, "line 1 (untrusted comment) is not valid UTF-8");
        byte[] nul = text.getBytes(StandardCharsets.UTF_8);
        nul[20] = 0;
        assertMalformedPublic(nul, "line 1 (untrusted comment) contains a CR or NUL byte");
        byte[] alg = payload.clone();
        alg[1] = 'D';
        assertMalformedPublic(file(alg).getBytes(StandardCharsets.UTF_8), "line 2: algorithm is not 'Ed' (Ed25519)");
        assertMalformedPublic(new byte[5000], "file is larger than 4096 bytes, too large for a key or signature file");
        assertMalformedPublic(file(java.util.Arrays.copyOf(payload, 41)).getBytes(StandardCharsets.UTF_8),
                "line 2 (public key) decodes to 41 bytes, expected 42");
    }

    @Test
    void refusesAPublicKeyThatIsNotACurvePoint() throws IOException {
        byte[] payload = new byte[42];
        payload[0] = 'E';
        payload[1] = 'd';
        // y = 2 has no x on edwards25519: not a valid point encoding.
        payload[10] = 2;
        assertMalformedPublic(file(payload).getBytes(StandardCharsets.UTF_8),
                "line 2 (public key): not a valid Ed25519 public key");
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(java.nio.file.NoSuchFileException.class, () -> KeyFiles.readPublic(dir.resolve("none.pub")));
    }
}
