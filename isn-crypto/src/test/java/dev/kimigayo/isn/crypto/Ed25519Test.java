package dev.kimigayo.isn.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Ed25519Test {

    @Test
    void matchesRfc8032Vectors() throws Exception {
        Ed25519SecretKey k1 = Keys.rfc1();
        assertArrayEquals(Keys.hex(Keys.RFC1_PUBLIC), k1.publicKey().bytes());
        assertArrayEquals(Keys.hex(Keys.RFC1_SIG_EMPTY), k1.sign(new byte[0]).bytes());

        Ed25519SecretKey k2 = new Ed25519SecretKey(KeyId.ofHex("ffffffffffffffff"), Keys.hex(Keys.RFC2_SEED));
        assertArrayEquals(Keys.hex(Keys.RFC2_PUBLIC), k2.publicKey().bytes());
        Ed25519Signature sig = k2.sign(new byte[] {0x72});
        assertArrayEquals(Keys.hex(Keys.RFC2_SIG_72), sig.bytes());
        k2.publicKey().verify(new byte[] {0x72}, new Ed25519Signature(k2.keyId(), Keys.hex(Keys.RFC2_SIG_72)));
    }

    @Test
    void signVerifyRoundTripBytesAndStreams() throws Exception {
        Ed25519KeyPair pair = Keys.fresh();
        byte[] msg = "hello, isn\n".getBytes(StandardCharsets.UTF_8);
        Ed25519Signature sig = pair.secretKey().sign(msg);
        assertEquals(pair.keyId(), sig.keyId());
        pair.publicKey().verify(msg, sig);
        pair.publicKey().verify(new ByteArrayInputStream(msg), sig);
        Ed25519Signature streamed = pair.secretKey().sign(new ByteArrayInputStream(msg));
        assertEquals(sig, streamed, "Ed25519 is deterministic: same key and message, same signature file");
        assertArrayEquals(sig.encode(), streamed.encode());
    }

    @Test
    void everyFlippedMessageBitIsDetected() throws Exception {
        Ed25519KeyPair pair = Keys.fresh();
        byte[] msg = "package manifest\nsha256 abc\n".getBytes(StandardCharsets.UTF_8);
        Ed25519Signature sig = pair.secretKey().sign(msg);
        for (int i = 0; i < msg.length; i++) {
            byte[] bad = msg.clone();
            bad[i] ^= 0x01;
            BadSignatureException e = assertThrows(BadSignatureException.class, () -> pair.publicKey().verify(bad, sig));
            assertEquals(pair.keyId(), e.keyId());
            assertEquals("bad signature by key " + pair.keyId().hex() + ": the signature does not match the data",
                    e.getMessage());
        }
        byte[] longer = (new String(msg, StandardCharsets.UTF_8) + "x").getBytes(StandardCharsets.UTF_8);
        assertThrows(BadSignatureException.class, () -> pair.publicKey().verify(longer, sig));
    }

    @Test
    void everyFlippedSignatureByteIsDetected() throws Exception {
        Ed25519KeyPair pair = Keys.fresh();
        byte[] msg = {1, 2, 3};
        byte[] raw = pair.secretKey().sign(msg).bytes();
        for (int i = 0; i < raw.length; i++) {
            byte[] bad = raw.clone();
            bad[i] ^= (byte) 0x80;
            Ed25519Signature sig = new Ed25519Signature(pair.keyId(), bad);
            assertThrows(BadSignatureException.class, () -> pair.publicKey().verify(msg, sig), "byte " + i);
        }
    }

    @Test
    void signatureByAnotherKeyIdIsRefusedByName() {
        Ed25519KeyPair a = Keys.fresh();
        Ed25519KeyPair b = Keys.fresh();
        Ed25519Signature sig = b.secretKey().sign(new byte[] {9});
        BadSignatureException e = assertThrows(BadSignatureException.class,
                () -> a.publicKey().verify(new byte[] {9}, sig));
        assertTrue(e.getMessage().contains("made by key " + b.keyId().hex()), e.getMessage());
    }

    @Test
    void trustedCommentNamesTheKeyAndIsSigned() throws Exception {
        Ed25519SecretKey k = Keys.rfc1();
        Ed25519Signature sig = k.sign(new byte[] {5});
        assertEquals("isn signature, key 0102030405060708", sig.trustedComment().orElseThrow());
        String file = new String(sig.encode(), StandardCharsets.UTF_8);
        Ed25519Signature altered = Ed25519Signature.decode(
                file.replace("isn signature, key", "isn signature; key").getBytes(StandardCharsets.UTF_8));
        BadSignatureException e = assertThrows(BadSignatureException.class,
                () -> k.publicKey().verify(new byte[] {5}, altered));
        assertTrue(e.getMessage().endsWith("the trusted comment's signature does not match"), e.getMessage());
    }

    @Test
    void generatedKeysDifferAndPublicKeyIsDerived() {
        Ed25519KeyPair a = Keys.fresh();
        Ed25519KeyPair b = Keys.fresh();
        assertNotEquals(a.keyId(), b.keyId());
        assertNotEquals(a.publicKey(), b.publicKey());
        assertSame(a.publicKey(), a.secretKey().publicKey());
        assertEquals(16, a.keyId().hex().length());
        assertTrue(a.keyId().hex().matches("[0-9a-f]{16}"));
        assertTrue(a.secretKey().toString().contains(a.keyId().hex()));
    }

    @Test
    void keyIdForms() {
        KeyId id = KeyId.ofHex("00112233445566AA");
        assertEquals("00112233445566aa", id.hex());
        assertEquals(id, KeyId.ofLong(0x00112233445566AAL));
        assertEquals(id, KeyId.of(id.bytes()));
        assertEquals(id.hashCode(), KeyId.ofHex("00112233445566aa").hashCode());
        assertThrows(IllegalArgumentException.class, () -> KeyId.of(new byte[7]));
        assertThrows(IllegalArgumentException.class, () -> KeyId.ofHex("0011"));
    }
}
