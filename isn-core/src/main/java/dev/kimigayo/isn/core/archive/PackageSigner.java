package dev.kimigayo.isn.core.archive;

/** Produces the content of {@code .PKGINFO.ed25519}: a detached signature over the exact PKGINFO bytes. */
@FunctionalInterface
public interface PackageSigner {

    /** The signature file content for {@code pkginfo}. */
    byte[] sign(byte[] pkginfo);
}
