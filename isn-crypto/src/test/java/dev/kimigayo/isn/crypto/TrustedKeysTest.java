package dev.kimigayo.isn.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedKeysTest {

    @TempDir
    Path dir;

    @Test
    void emptyDirectoryIsAllowedAndTrustsNothing() throws Exception {
        TrustedKeys keys = TrustedKeys.load(dir);
        assertTrue(keys.isEmpty());
        Ed25519Signature sig = Keys.fresh().secretKey().sign(new byte[] {1});
        UnknownKeyException e = assertThrows(UnknownKeyException.class, () -> keys.verify(new byte[] {1}, sig));
        assertEquals(sig.keyId(), e.keyId());
        assertEquals("signed by unknown key " + sig.keyId().hex() + "; " + dir
                + " holds no trusted keys (add the signer's .pub file there)", e.getMessage());
    }

    @Test
    void loadsEveryPubFileAndVerifies() throws Exception {
        Ed25519KeyPair a = Keys.fresh();
        Ed25519KeyPair b = Keys.fresh();
        KeyFiles.writePublic(dir.resolve("a.pub"), a.publicKey(), "a");
        KeyFiles.writePublic(dir.resolve("b.pub"), b.publicKey(), "b");
        Files.writeString(dir.resolve("README"), "not a key");
        Files.createDirectory(dir.resolve("sub.pub"));
        TrustedKeys keys = TrustedKeys.load(dir);
        assertFalse(keys.isEmpty());
        assertEquals(Set.of(a.keyId(), b.keyId()), keys.ids());
        byte[] msg = "index".getBytes(StandardCharsets.UTF_8);
        assertEquals(b.publicKey(), keys.verify(msg, b.secretKey().sign(msg)));
        assertEquals(a.publicKey(), keys.verify(new ByteArrayInputStream(msg), a.secretKey().sign(msg)));
        assertEquals(a.publicKey(), keys.find(a.keyId()).orElseThrow());
        Ed25519Signature stranger = Keys.fresh().secretKey().sign(msg);
        UnknownKeyException e = assertThrows(UnknownKeyException.class, () -> keys.verify(msg, stranger));
        assertEquals("signed by unknown key " + stranger.keyId().hex() + "; no trusted key with that id in " + dir,
                e.getMessage());
    }

    @Test
    void badSignatureNamesTheKey() throws Exception {
        Ed25519KeyPair a = Keys.fresh();
        TrustedKeys keys = TrustedKeys.of(List.of(a.publicKey()), "test");
        Ed25519Signature sig = a.secretKey().sign(new byte[] {1, 2});
        BadSignatureException e = assertThrows(BadSignatureException.class,
                () -> keys.verify(new ByteArrayInputStream(new byte[] {1, 3}), sig));
        assertEquals(a.keyId(), e.keyId());
    }

    @Test
    void everyFlippedByteOfASignatureFileIsRefused() throws Exception {
        Ed25519KeyPair a = Keys.fresh();
        TrustedKeys keys = TrustedKeys.of(List.of(a.publicKey()), "test");
        byte[] msg = "signed".getBytes(StandardCharsets.UTF_8);
        byte[] file = a.secretKey().sign(msg).encode();
        int accepted = 0;
        int commentLength = file.length;
        for (int i = 0; i < file.length; i++) {
            byte[] bad = file.clone();
            bad[i] ^= 0x01;
            try {
                keys.verify(msg, Ed25519Signature.decode(bad));
                accepted++;
                commentLength = Math.min(commentLength, i);
            } catch (MalformedSignatureException | UnknownKeyException | BadSignatureException expected) {
                // refused, as it must be
            }
        }
        // Only the untrusted comment (line 1, after its prefix) may change without detection.
        String line1 = new String(file, StandardCharsets.UTF_8).split("\n")[0];
        assertEquals(line1.length() - "untrusted comment: ".length(), accepted);
    }

    @Test
    void twoDifferentKeysWithOneIdAreRefused() throws Exception {
        Ed25519KeyPair a = Keys.fresh();
        Ed25519SecretKey twin = new Ed25519SecretKey(a.keyId(), Keys.hex(Keys.RFC2_SEED));
        KeyFiles.writePublic(dir.resolve("a.pub"), a.publicKey(), "a");
        KeyFiles.writePublic(dir.resolve("b.pub"), twin.publicKey(), "b");
        MalformedKeyException e = assertThrows(MalformedKeyException.class, () -> TrustedKeys.load(dir));
        assertEquals(dir.resolve("b.pub") + ": key id " + a.keyId().hex() + " is also used by a different key in "
                + dir.resolve("a.pub"), e.getMessage());
    }

    @Test
    void sameKeyInTwoFilesIsFine() throws Exception {
        Ed25519KeyPair a = Keys.fresh();
        KeyFiles.writePublic(dir.resolve("a.pub"), a.publicKey(), "a");
        KeyFiles.writePublic(dir.resolve("copy.pub"), a.publicKey(), "copy");
        assertEquals(Set.of(a.keyId()), TrustedKeys.load(dir).ids());
    }

    @Test
    void malformedKeyFileInTheDirectoryIsReported() throws Exception {
        Files.writeString(dir.resolve("broken.pub"), "hello\n");
        MalformedKeyException e = assertThrows(MalformedKeyException.class, () -> TrustedKeys.load(dir));
        assertEquals(dir.resolve("broken.pub").toString(), e.source());
    }
}
