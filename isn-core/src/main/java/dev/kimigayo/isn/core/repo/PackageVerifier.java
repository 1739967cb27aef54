package dev.kimigayo.isn.core.repo;

import java.io.InputStream;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.pkginfo.PkgInfo;

/** Checks one package file completely (signature, manifest, every payload file) and returns its PKGINFO. */
@FunctionalInterface
public interface PackageVerifier {

    /** Reads the package from {@code in} to its end, refusing anything wrong; {@code source} names it in messages. */
    PkgInfo verify(InputStream in, String source) throws IsnException;
}
