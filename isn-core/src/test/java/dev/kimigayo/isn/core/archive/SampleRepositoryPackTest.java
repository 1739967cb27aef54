package dev.kimigayo.isn.core.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import dev.kimigayo.isn.crypto.Ed25519KeyPair;
import dev.kimigayo.isn.crypto.TrustedKeys;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every folder of the bundled sample repository packs, signs and verifies. */
class SampleRepositoryPackTest {

    @TempDir
    Path out;

    @Test
    void everySampleSourcePacksAndVerifies() throws Exception {
        Path samples = Path.of(System.getProperty("isn.projectRoot", "..")).resolve("packaging/sample-repo");
        Assumptions.assumeTrue(Files.isDirectory(samples), "no sample repository at " + samples);
        List<Path> dirs;
        try (Stream<Path> s = Files.list(samples)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve("PKGINFO"))).sorted().toList();
        }
        assertTrue(dirs.size() >= 5, dirs.toString());
        Ed25519KeyPair key = Ed25519KeyPair.generate(new SecureRandom());
        PackageBuilder builder = new PackageBuilder(OptionalLong.of(1_700_000_000L), PackageSigner.with(key.secretKey()));
        PackageReader reader = new PackageReader(KeyringTrust.requireSigned(TrustedKeys.of(List.of(key.publicKey()), "test")));
        for (Path dir : dirs) {
            PackResult result = builder.build(dir, out);
            try (InputStream in = Files.newInputStream(result.file())) {
                OpenPackage pkg = reader.verify(in, result.file().getFileName().toString());
                assertEquals(result.name(), pkg.info().name());
                assertEquals(result.installedSize(), pkg.info().size());
                assertEquals(Files.exists(dir.resolve(".INSTALL")), pkg.installScript().isPresent(), dir.toString());
            }
        }
    }
}
