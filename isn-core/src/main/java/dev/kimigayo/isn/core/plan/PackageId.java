package dev.kimigayo.isn.core.plan;

import java.util.Objects;

/**
 * One exact package: what a plan installs and a lock file records. Two identities are the same
 * package exactly when every field is equal; the SHA-256 of the package file is what commit and
 * {@code install --locked} check the downloaded file against.
 *
 * @param name    the package name
 * @param version its version
 * @param arch    its architecture ({@code noarch} for none)
 * @param size    the size of the package file in bytes, or -1 when there is no file (installed, virtual)
 * @param sha256  lower-case hex SHA-256 of the package file, or null when there is no file
 * @param source  where it comes from
 */
public record PackageId(String name, String version, String arch, long size, String sha256, PackageSource source) {

    /** Checks the required fields. */
    public PackageId {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(source, "source");
    }

    /** {@code name-version}, apk's way of naming one package version. */
    public String nameVersion() {
        return name + "-" + version;
    }
}
