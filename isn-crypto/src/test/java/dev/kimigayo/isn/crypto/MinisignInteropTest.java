package dev.kimigayo.isn.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** isn's public keys and signatures against the real minisign binary (legacy, non-prehashed mode). */
class MinisignInteropTest {

    @TempDir
    Path dir;
    private Tool minisign;
    private final byte[] message = "minisign interop\n".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void findMinisign() throws Exception {
        minisign = Tool.find("minisign").orElse(null);
        Assumptions.assumeTrue(minisign != null,
                "minisign is not installed (apt-get install minisign, as .ci/run does); skipping interop test");
        Files.write(dir.resolve("msg"), message);
    }

    @Test
    void minisignVerifiesIsnSignaturesIncludingTheTrustedComment() throws Exception {
        Ed25519KeyPair pair = Keys.fresh();
        KeyFiles.writePublic(dir.resolve("isn.pub"), pair.publicKey(), "isn");
        Files.write(dir.resolve("msg.sig"), pair.secretKey().sign(message).encode());
        Tool.Run ok = minisign.run(dir, "-V", "-p", "isn.pub", "-x", "msg.sig", "-m", "msg");
        assertEquals(0, ok.exit(), ok.out());
        assertTrue(ok.out().contains("Trusted comment: isn signature, key " + pair.keyId().hex()), ok.out());

        Files.write(dir.resolve("msg"), "minisign interop?\n".getBytes(StandardCharsets.UTF_8));
        Tool.Run bad = minisign.run(dir, "-V", "-p", "isn.pub", "-x", "msg.sig", "-m", "msg");
        assertNotEquals(0, bad.exit(), bad.out());
    }

    @Test
    void isnVerifiesMinisignLegacySignatures() throws Exception {
        Tool.Run gen = minisign.run(dir, "-G", "-W", "-p", "m.pub", "-s", "m.key");
        assertEquals(0, gen.exit(), gen.out());
        Tool.Run sign = minisign.run(dir, "-S", "-l", "-s", "m.key", "-m", "msg", "-x", "msg.sig", "-t", "release 1");
        assertEquals(0, sign.exit(), sign.out());
        Ed25519PublicKey pub = KeyFiles.readPublic(dir.resolve("m.pub"));
        Ed25519Signature sig = Ed25519Signature.decode(Files.readAllBytes(dir.resolve("msg.sig")));
        assertEquals("release 1", sig.trustedComment().orElseThrow());
        TrustedKeys trusted = TrustedKeys.of(List.of(pub), "test");
        assertEquals(pub, trusted.verify(message, sig));

        String forged = Files.readString(dir.resolve("msg.sig")).replace("release 1", "release 2");
        Ed25519Signature f = Ed25519Signature.decode(forged.getBytes(StandardCharsets.UTF_8));
        assertThrows(BadSignatureException.class, () -> trusted.verify(message, f));
    }

    @Test
    void minisignDefaultPrehashedSignaturesAreRefusedWithAHint() throws Exception {
        minisign.run(dir, "-G", "-W", "-p", "m.pub", "-s", "m.key");
        Tool.Run sign = minisign.run(dir, "-S", "-s", "m.key", "-m", "msg", "-x", "msg.sig");
        assertEquals(0, sign.exit(), sign.out());
        MalformedSignatureException e = assertThrows(MalformedSignatureException.class,
                () -> Ed25519Signature.decode(Files.readAllBytes(dir.resolve("msg.sig")), "msg.sig"));
        assertTrue(e.problem().endsWith("sign with minisign -l"), e.problem());
    }
}
