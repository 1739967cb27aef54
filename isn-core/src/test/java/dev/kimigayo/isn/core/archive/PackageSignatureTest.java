package dev.kimigayo.isn.core.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import dev.kimigayo.isn.crypto.Ed25519KeyPair;
import dev.kimigayo.isn.crypto.TrustedKeys;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing with real Ed25519 keys and every trust decision of the reader. */
class PackageSignatureTest {

    private static final Ed25519KeyPair KEY = Ed25519KeyPair.generate(new SecureRandom());
    private static final Ed25519KeyPair OTHER = Ed25519KeyPair.generate(new SecureRandom());
    private static final TrustedKeys TRUSTED = TrustedKeys.of(List.of(KEY.publicKey()), "test keys");

    @TempDir
    Path tmp;

    private byte[] pack(PackageSigner signer) throws Exception {
        Path dir = tmp.resolve("src");
        SourceDirs.write(dir, "PKGINFO", SourceDirs.PKGINFO);
        SourceDirs.write(dir, "usr/share/doc/demo", "docs\n");
        Path out = Files.createDirectories(tmp.resolve("out"));
        return Files.readAllBytes(new PackageBuilder(java.util.OptionalLong.of(0), signer).build(dir, out).file());
    }

    private static OpenPackage read(PackageTrust trust, byte[] pkg) throws Exception {
        return new PackageReader(trust).verify(new ByteArrayInputStream(pkg), "demo.isn");
    }

    @Test
    void signedPackageVerifiesAndNamesItsSigner() throws Exception {
        byte[] pkg = pack(PackageSigner.with(KEY.secretKey()));
        assertEquals(Optional.of(KEY.keyId().hex()), read(KeyringTrust.requireSigned(TRUSTED), pkg).signer());
        assertArrayEquals(pkg, pack(PackageSigner.with(KEY.secretKey())), "signing is deterministic");
    }

    @Test
    void refusesUnsignedPackageUnlessAllowed() throws Exception {
        byte[] pkg = pack(null);
        UnsignedPackageException e = assertThrows(UnsignedPackageException.class,
                () -> read(KeyringTrust.requireSigned(TRUSTED), pkg));
        assertTrue(e.getMessage().contains("the package is not signed; sign it with 'isn pack --key', or install it with --allow-untrusted"), e.getMessage());
        assertEquals(Optional.empty(), read(KeyringTrust.allowUntrusted(TRUSTED), pkg).signer());
    }

    @Test
    void refusesUnknownKeyUnlessAllowed() throws Exception {
        byte[] pkg = pack(PackageSigner.with(OTHER.secretKey()));
        PackageSignatureException e = assertThrows(PackageSignatureException.class,
                () -> read(KeyringTrust.requireSigned(TRUSTED), pkg));
        assertEquals("unknown-key", e.code());
        assertEquals(OTHER.keyId().hex(), e.keyId());
        assertTrue(e.getMessage().contains("signed by unknown key " + OTHER.keyId().hex()), e.getMessage());
        assertEquals(Optional.empty(), read(KeyringTrust.allowUntrusted(TRUSTED), pkg).signer());
    }

    @Test
    void reportsEveryPackageAcceptedWithoutATrustedSignature() throws Exception {
        List<String> reported = new java.util.ArrayList<>();
        PackageTrust trust = KeyringTrust.allowUntrusted(TRUSTED, reported::add);
        read(trust, pack(PackageSigner.with(KEY.secretKey())));
        assertEquals(List.of(), reported, "a trusted signature is not reported");
        read(trust, pack(null));
        read(trust, pack(PackageSigner.with(OTHER.secretKey())));
        assertEquals(List.of("demo.isn", "demo.isn"), reported);
    }

    @Test
    void refusesAlteredPkginfoEvenWhenUntrustedIsAllowed() throws Exception {
        Crafted c = new Crafted().dir("usr");
        byte[] genuine = c.pkginfo();
        c.signature = new String(KEY.secretKey().sign(genuine).encode(), StandardCharsets.UTF_8);
        c.pkginfoExtra = "depends = evil\n";
        for (PackageTrust trust : List.of(KeyringTrust.requireSigned(TRUSTED), KeyringTrust.allowUntrusted(TRUSTED))) {
            PackageSignatureException e = assertThrows(PackageSignatureException.class, () -> read(trust, c.build()));
            assertEquals("bad-signature", e.code());
            assertTrue(e.getMessage().contains("PKGINFO or its signature was altered"), e.getMessage());
        }
    }

    @Test
    void refusesUnreadableSignature() {
        Crafted c = new Crafted().dir("usr");
        c.signature = "not a signature\n";
        PackageSignatureException e = assertThrows(PackageSignatureException.class,
                () -> read(KeyringTrust.requireSigned(TRUSTED), c.build()));
        assertEquals("malformed-signature", e.code());
    }

    @Test
    void everyFlippedByteIsDetected() throws Exception {
        byte[] pkg = pack(PackageSigner.with(KEY.secretKey()));
        List<Integer> accepted = new java.util.ArrayList<>();
        for (int i = 0; i < pkg.length; i++) {
            byte[] bad = pkg.clone();
            bad[i] ^= 0x01;
            try {
                read(KeyringTrust.requireSigned(TRUSTED), bad);
                accepted.add(i);
            } catch (PackageRejectedException expected) {
                assertEquals(dev.kimigayo.isn.core.IsnException.Kind.INTEGRITY, expected.kind());
            }
        }
        // Deflate is not canonical: a back-reference may copy the same bytes (often zeros) from
        // another distance. Such a flip changes nothing that is installed; every other is refused.
        byte[] tar = gunzip(pkg);
        for (int i : accepted) {
            byte[] bad = pkg.clone();
            bad[i] ^= 0x01;
            assertArrayEquals(tar, gunzip(bad), "flipping byte " + i + " went unnoticed but changed the content");
        }
        assertTrue(accepted.size() < pkg.length / 20, accepted.toString());
    }

    private static byte[] gunzip(byte[] gz) throws Exception {
        try (var in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    @Test
    void signatureEntryComesFirst() throws Exception {
        Crafted c = new Crafted().dir("usr");
        c.signature = new String(KEY.secretKey().sign(c.pkginfo()).encode(), StandardCharsets.UTF_8);
        List<Crafted.Item> items = c.items();
        items.add(1, items.remove(0));
        byte[] pkg = Crafted.gzip(Crafted.tar(items));
        assertThrows(UnsignedPackageException.class, () -> read(KeyringTrust.requireSigned(TRUSTED), pkg));
        MalformedPackageException e = assertThrows(MalformedPackageException.class,
                () -> read(KeyringTrust.allowUntrusted(TRUSTED), pkg));
        assertEquals(PackageLayout.SIGNATURE, e.path());
        assertTrue(e.getMessage().contains("found where .MANIFEST was expected"), e.getMessage());
        assertEquals(TarConstants.LF_NORMAL, items.get(0).type());
    }
}
