package dev.kimigayo.isn.core.repo;

import java.io.IOException;

import dev.kimigayo.isn.core.archive.KeyringTrust;
import dev.kimigayo.isn.core.archive.OpenPackage;
import dev.kimigayo.isn.core.archive.PackageReader;
import dev.kimigayo.isn.crypto.Ed25519PublicKey;
import dev.kimigayo.isn.crypto.TrustedKeys;

/** The package checks the repository commands use: the archive reader with a set of trusted keys. */
public final class PackageVerifiers {

    private PackageVerifiers() {
    }

    /** Verifies packages completely, accepting only signatures by {@code keys}. */
    public static PackageVerifier trusting(TrustedKeys keys) {
        PackageReader reader = new PackageReader(KeyringTrust.requireSigned(keys));
        return (in, source) -> {
            try {
                OpenPackage pkg = reader.verify(in, source);
                return pkg.info();
            } catch (IOException e) {
                throw new RepositoryIoException("cannot read " + source + ": " + dev.kimigayo.isn.core.IoMessages.describe(e), e);
            }
        };
    }

    /** Verifies packages signed by {@code key} only: {@code isn index} trusts the index key for the packages. */
    public static PackageVerifier trusting(Ed25519PublicKey key) {
        return trusting(TrustedKeys.of(java.util.List.of(key), "the index key " + key.keyId().hex()));
    }
}
