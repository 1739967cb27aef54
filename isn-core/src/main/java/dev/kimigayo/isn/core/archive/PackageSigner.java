package dev.kimigayo.isn.core.archive;

import dev.kimigayo.isn.crypto.Ed25519SecretKey;

/** Produces the content of {@code .PKGINFO.ed25519}: a detached signature over the exact PKGINFO bytes. */
@FunctionalInterface
public interface PackageSigner {

    /** The signature file content for {@code pkginfo}. */
    byte[] sign(byte[] pkginfo);

    /** Signs with {@code key}, writing the signify/minisign signature file format. */
    static PackageSigner with(Ed25519SecretKey key) {
        return pkginfo -> key.sign(pkginfo).encode();
    }
}
