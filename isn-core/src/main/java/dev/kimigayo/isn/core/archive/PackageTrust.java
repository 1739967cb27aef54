package dev.kimigayo.isn.core.archive;

import java.util.Optional;

/** The policy deciding whether a package's PKGINFO may be believed, given its signature entry. */
@FunctionalInterface
public interface PackageTrust {

    /**
     * Accepts or refuses {@code pkginfo}. {@code signature} is the content of
     * {@code .PKGINFO.ed25519}, or null when the package is unsigned.
     *
     * @return the hex key id of the trusted signer, or empty when accepted without a trusted signature
     */
    Optional<String> check(byte[] pkginfo, byte[] signature, String source) throws PackageRejectedException;
}
