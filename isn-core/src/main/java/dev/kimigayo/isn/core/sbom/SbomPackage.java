package dev.kimigayo.isn.core.sbom;

import java.util.Objects;

/**
 * One installed package as an SBOM describes it. Optional fields are null when the package
 * database has no value.
 *
 * @param name        the package name, unique in the root
 * @param version     its version
 * @param arch        its architecture ({@code noarch} for none)
 * @param license     the PKGINFO licence, as written by the packager
 * @param origin      the source package it was built from
 * @param description one line
 * @param url         the project's home page
 * @param repository  the repository URL or local file it was installed from
 * @param fileSha256  lower-case hex SHA-256 of the package file; null for virtual packages and
 *                    for packages installed before the database recorded it (schema 5)
 * @param explicit    whether it is installed because the world asks for it (else as a dependency)
 */
public record SbomPackage(String name, String version, String arch, String license, String origin,
        String description, String url, String repository, String fileSha256, boolean explicit) {

    /** Checks the required fields. */
    public SbomPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(arch, "arch");
    }
}
