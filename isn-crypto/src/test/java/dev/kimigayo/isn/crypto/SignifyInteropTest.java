package dev.kimigayo.isn.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** isn's key and signature files against the real signify binary, in both directions. */
class SignifyInteropTest {

    @TempDir
    Path dir;
    private Tool signify;
    private byte[] message;

    @BeforeEach
    void findSignify() throws Exception {
        signify = Tool.find("signify-openbsd", "signify").orElse(null);
        Assumptions.assumeTrue(signify != null,
                "signify is not installed (apt-get install signify-openbsd, as .ci/run does); skipping interop test");
        message = new byte[100_000];
        new Random(11).nextBytes(message);
        Files.write(dir.resolve("msg"), message);
    }

    @Test
    void signifyVerifiesIsnSignatures() throws Exception {
        Ed25519KeyPair pair = Keys.fresh();
        KeyFiles.writePublic(dir.resolve("isn.pub"), pair.publicKey(), "isn");
        Files.write(dir.resolve("msg.sig"), pair.secretKey().sign(message).encode());
        Tool.Run ok = signify.run(dir, "-V", "-p", "isn.pub", "-x", "msg.sig", "-m", "msg");
        assertEquals(0, ok.exit(), ok.out());
        assertEquals("Signature Verified\n", ok.out());

        byte[] tampered = message.clone();
        tampered[500] ^= 1;
        Files.write(dir.resolve("msg"), tampered);
        Tool.Run bad = signify.run(dir, "-V", "-p", "isn.pub", "-x", "msg.sig", "-m", "msg");
        assertNotEquals(0, bad.exit());
        assertTrue(bad.out().contains("signature verification failed"), bad.out());
    }

    @Test
    void signifySignsWithAnIsnSecretKey() throws Exception {
        Ed25519KeyPair pair = Keys.fresh();
        KeyFiles.writeSecret(dir.resolve("isn.sec"), pair.secretKey(), "isn");
        Tool.Run run = signify.run(dir, "-S", "-s", "isn.sec", "-m", "msg", "-x", "msg.sig");
        assertEquals(0, run.exit(), run.out());
        Ed25519Signature sig = Ed25519Signature.decode(Files.readAllBytes(dir.resolve("msg.sig")));
        assertArrayEquals(pair.secretKey().sign(message).bytes(), sig.bytes(), "both sign deterministically");
        TrustedKeys.of(List.of(pair.publicKey()), "test").verify(message, sig);
    }

    @Test
    void isnVerifiesSignifySignaturesAndReadsItsKeys() throws Exception {
        Tool.Run gen = signify.run(dir, "-G", "-n", "-c", "made by signify", "-p", "s.pub", "-s", "s.sec");
        assertEquals(0, gen.exit(), gen.out());
        Tool.Run sign = signify.run(dir, "-S", "-s", "s.sec", "-m", "msg", "-x", "msg.sig");
        assertEquals(0, sign.exit(), sign.out());

        Ed25519PublicKey pub = KeyFiles.readPublic(dir.resolve("s.pub"));
        Ed25519SecretKey sec = KeyFiles.readSecret(dir.resolve("s.sec"));
        assertEquals(pub, sec.publicKey());
        Files.createDirectory(dir.resolve("keys"));
        Files.copy(dir.resolve("s.pub"), dir.resolve("keys/s.pub"));
        TrustedKeys trusted = TrustedKeys.load(dir.resolve("keys"));
        Ed25519Signature sig = Ed25519Signature.decode(Files.readAllBytes(dir.resolve("msg.sig")));
        assertTrue(sig.trustedComment().isEmpty());
        assertEquals(pub, trusted.verify(message, sig));
        assertEquals(pub, trusted.verify(Files.newInputStream(dir.resolve("msg")), sig));
        message[0] ^= 1;
        assertThrows(BadSignatureException.class, () -> trusted.verify(message, sig));
        assertEquals("untrusted comment: made by signify public key",
                Files.readString(dir.resolve("s.pub"), StandardCharsets.UTF_8).split("\n")[0]);
    }

    @Test
    void isnRefusesAPassphraseProtectedSignifyKey() throws Exception {
        // signify reads the passphrase from the terminal; without one, forge rounds > 0 from an
        // unencrypted key's bytes instead (same layout, only the rounds field differs).
        signify.run(dir, "-G", "-n", "-p", "s.pub", "-s", "s.sec");
        String[] lines = Files.readString(dir.resolve("s.sec")).split("\n");
        byte[] payload = java.util.Base64.getDecoder().decode(lines[1]);
        payload[7] = 16;
        Files.writeString(dir.resolve("enc.sec"), lines[0] + "\n"
                + java.util.Base64.getEncoder().encodeToString(payload) + "\n");
        MalformedKeyException e = assertThrows(MalformedKeyException.class,
                () -> KeyFiles.readSecret(dir.resolve("enc.sec")));
        assertTrue(e.problem().startsWith("the secret key is protected by a passphrase (kdf rounds 16)"), e.problem());
    }
}
