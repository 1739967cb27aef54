package dev.kimigayo.isn.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Legacy OpenPGP verification against keys and signatures made by the real gpg. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenPgpVerifierTest {

    private Path dir;
    private Gpg gpg;
    private String edFpr;
    private String rsaFpr;
    private Path data;

    @BeforeAll
    void makeKeys(@TempDir Path tmp) throws Exception {
        dir = tmp;
        Tool tool = Tool.find("gpg").orElse(null);
        Assumptions.assumeTrue(tool != null, "gpg is not installed (apt-get install gnupg, as .ci/run does); skipping");
        Path home = Files.createDirectory(dir.resolve("gnupg"));
        gpg = new Gpg(tool, home);
        edFpr = gpg.generate("Alice Ed <alice@example.org>", "ed25519");
        rsaFpr = gpg.generate("Rob Rsa <rob@example.org>", "rsa2048");
        data = dir.resolve("APKINDEX.tar.gz");
        Files.write(data, "repository index bytes\n".repeat(5000).getBytes(StandardCharsets.UTF_8));
        gpg.run("--export", "-o", dir.resolve("all.gpg").toString());
        gpg.run("--armor", "--export", "-o", dir.resolve("alice.asc").toString(), edFpr);
    }

    @AfterAll
    void stopAgent() throws Exception {
        if (gpg != null) {
            gpg.close();
        }
    }

    private Path sign(String fpr, String digest, String name, String... extra) throws Exception {
        Path sig = dir.resolve(name);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--local-user", fpr,
                "--digest-algo", digest, "--detach-sign", "-o", sig.toString()));
        args.addAll(java.util.List.of(extra));
        args.add(data.toString());
        gpg.run(args.toArray(String[]::new));
        return sig;
    }

    private static KeyId idOf(String fpr) {
        return KeyId.ofHex(fpr.substring(fpr.length() - 16));
    }

    @Test
    void verifiesBinarySignatureWithBinaryKeyring() throws Exception {
        Path sig = sign(edFpr, "SHA256", "ed.sig");
        OpenPgpVerified v = OpenPgpVerifier.load(dir.resolve("all.gpg")).verify(data, sig);
        assertEquals(idOf(edFpr), v.keyId());
        assertEquals(edFpr.toLowerCase(Locale.ROOT), v.fingerprint());
        assertEquals("Alice Ed <alice@example.org>", v.userId());
        assertEquals("SHA256", v.digest());
        assertNull(java.security.Security.getProvider("BC"), "the Bouncy Castle JCA provider must never be registered");
    }

    @Test
    void verifiesArmoredSignatureWithArmoredKeyringAndRsaSha512() throws Exception {
        Path sig = sign(edFpr, "SHA512", "ed.asc", "--armor");
        assertTrue(Files.readString(sig).startsWith("-----BEGIN PGP SIGNATURE-----"));
        assertEquals("SHA512", OpenPgpVerifier.load(dir.resolve("alice.asc")).verify(data, sig).digest());
        Path rsa = sign(rsaFpr, "SHA512", "rsa.sig");
        assertEquals(idOf(rsaFpr), OpenPgpVerifier.load(dir.resolve("all.gpg")).verify(data, rsa).keyId());
    }

    @Test
    void verifiesTextModeSignatures() throws Exception {
        Path sig = sign(edFpr, "SHA256", "text.sig", "--textmode");
        assertEquals(idOf(edFpr), OpenPgpVerifier.load(dir.resolve("all.gpg")).verify(data, sig).keyId());
    }

    @Test
    void refusesSha1AndRipemd160() throws Exception {
        OpenPgpVerifier v = OpenPgpVerifier.load(dir.resolve("all.gpg"));
        Path sha1 = sign(rsaFpr, "SHA1", "sha1.sig");
        WeakDigestException e = assertThrows(WeakDigestException.class, () -> v.verify(data, sha1));
        assertEquals("SHA1", e.digest());
        assertEquals(idOf(rsaFpr), e.keyId());
        assertTrue(e.getMessage().startsWith("signature by key " + idOf(rsaFpr).hex() + " uses the weak digest SHA1"),
                e.getMessage());
        Path ripemd = sign(rsaFpr, "RIPEMD160", "ripemd.sig");
        assertEquals("RIPEMD160", assertThrows(WeakDigestException.class, () -> v.verify(data, ripemd)).digest());
    }

    @Test
    void refusesATamperedFile() throws Exception {
        Path sig = sign(edFpr, "SHA256", "tamper.sig");
        byte[] bytes = Files.readAllBytes(data);
        bytes[1234] ^= 0x20;
        OpenPgpVerifier v = OpenPgpVerifier.load(dir.resolve("all.gpg"));
        BadSignatureException e = assertThrows(BadSignatureException.class,
                () -> v.verify(new ByteArrayInputStream(bytes), Files.readAllBytes(sig), sig.toString()));
        assertEquals(idOf(edFpr), e.keyId());
        assertEquals("bad signature by key " + idOf(edFpr).hex() + ": the OpenPGP signature does not match the data",
                e.getMessage());
        byte[] longer = java.util.Arrays.copyOf(Files.readAllBytes(data), bytes.length + 1);
        assertThrows(BadSignatureException.class,
                () -> v.verify(new ByteArrayInputStream(longer), Files.readAllBytes(sig), sig.toString()));
    }

    @Test
    void refusesATamperedSignature() throws Exception {
        Path sig = sign(rsaFpr, "SHA256", "rsa-tamper.sig");
        byte[] s = Files.readAllBytes(sig);
        s[s.length - 10] ^= 0x01;
        OpenPgpVerifier v = OpenPgpVerifier.load(dir.resolve("all.gpg"));
        assertThrows(BadSignatureException.class,
                () -> v.verify(Files.newInputStream(data), s, "rsa-tamper.sig"));
    }

    @Test
    void refusesUnknownKeys() throws Exception {
        Path sig = sign(rsaFpr, "SHA256", "unknown.sig");
        OpenPgpVerifier onlyAlice = OpenPgpVerifier.load(dir.resolve("alice.asc"));
        UnknownKeyException e = assertThrows(UnknownKeyException.class, () -> onlyAlice.verify(data, sig));
        assertEquals(idOf(rsaFpr), e.keyId());
        assertTrue(e.getMessage().endsWith("in " + dir.resolve("alice.asc")), e.getMessage());
    }

    @Test
    void refusesMalformedSignaturesAndKeyrings() throws Exception {
        OpenPgpVerifier v = OpenPgpVerifier.load(dir.resolve("all.gpg"));
        MalformedSignatureException notSig = assertThrows(MalformedSignatureException.class,
                () -> v.verify(data, dir.resolve("alice.asc")));
        assertEquals("expected a detached signature, found OpenPGP PublicKeyRing", notSig.problem());
        Path empty = Files.write(dir.resolve("empty.sig"), new byte[0]);
        assertEquals("file is empty",
                assertThrows(MalformedSignatureException.class, () -> v.verify(data, empty)).problem());
        Path junk = Files.writeString(dir.resolve("junk.sig"), "-----BEGIN PGP SIGNATURE-----\n\n!!!!\n");
        assertThrows(MalformedSignatureException.class, () -> v.verify(data, junk));
        Path notRing = Files.writeString(dir.resolve("ring.txt"), "hello, not a keyring\n");
        MalformedKeyException k = assertThrows(MalformedKeyException.class, () -> OpenPgpVerifier.load(notRing));
        assertEquals(notRing.toString(), k.source());
    }

    @Test
    void refusesRevokedKeys() throws Exception {
        String fpr = gpg.generate("Rev Oked <rev@example.org>", "ed25519");
        Path sig = sign(fpr, "SHA256", "revoked.sig");
        // gpg writes a ready revocation certificate for every new key; its header line is
        // escaped with ':' so that it is not imported by accident.
        Path rev = gpg.home().resolve("openpgp-revocs.d/" + fpr + ".rev");
        String cert = Files.readString(rev).replace(":-----BEGIN PGP PUBLIC KEY BLOCK-----",
                "-----BEGIN PGP PUBLIC KEY BLOCK-----");
        Path fixed = Files.writeString(dir.resolve("rev.asc"), cert);
        gpg.run("--import", fixed.toString());
        gpg.run("--export", "-o", dir.resolve("revoked.gpg").toString(), fpr);
        RevokedKeyException e = assertThrows(RevokedKeyException.class,
                () -> OpenPgpVerifier.load(dir.resolve("revoked.gpg")).verify(data, sig));
        assertEquals(idOf(fpr), e.keyId());
    }
}
