package dev.kimigayo.isn.db;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An installed package: its PKGINFO metadata plus why, from where and when it was installed.
 * The list components hold PKGINFO's words unchanged (constraint strings, config paths).
 *
 * @param name             package name, unique among installed packages
 * @param version          apk-style version string
 * @param arch             architecture ({@code x86_64}, {@code aarch64}, {@code noarch})
 * @param description      one line, may be null
 * @param url              project URL, may be null
 * @param license          SPDX-style licence expression, may be null
 * @param origin           source package name, may be null
 * @param maintainer       may be null
 * @param buildDate        PKGINFO {@code build_date}, whole seconds, may be null
 * @param size             installed size in bytes
 * @param sha256           lower-case hex SHA-256 of the package's signed manifest, may be null
 *                         (virtual packages)
 * @param providerPriority PKGINFO {@code provider_priority}, 0 when absent
 * @param depends          dependency constraints, {@code !name} for conflicts
 * @param provides         provided names, {@code name=version} for versioned provides
 * @param installIf        {@code install_if} constraints
 * @param replaces         names whose files this package may take over
 * @param config           paths protected on upgrade
 * @param reason           explicit or dependency
 * @param repository       the repository URL or local file it came from, may be null
 * @param tag              the repository tag ({@code @edge}) without the {@code @}, may be null
 * @param installedAt      when this version was installed
 * @param fileSha256       lower-case hex SHA-256 of the package file it was installed from (the value
 *                         the signed index or the local file gave), or null: virtual packages, and
 *                         packages installed before schema 5 recorded it
 */
public record InstalledPackage(String name, String version, String arch, String description,
                               String url, String license, String origin, String maintainer,
                               Instant buildDate, long size, String sha256, int providerPriority,
                               List<String> depends, List<String> provides, List<String> installIf,
                               List<String> replaces, List<String> config, InstallReason reason,
                               String repository, String tag, Instant installedAt, String fileSha256) {

    /** Validates the components and freezes the lists. */
    public InstalledPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(installedAt, "installedAt");
        depends = List.copyOf(depends);
        provides = List.copyOf(provides);
        installIf = List.copyOf(installIf);
        replaces = List.copyOf(replaces);
        config = List.copyOf(config);
    }

    /** A package without a recorded package-file hash (see {@link #withFileSha256}). */
    public InstalledPackage(String name, String version, String arch, String description, String url, String license,
                            String origin, String maintainer, Instant buildDate, long size, String sha256,
                            int providerPriority, List<String> depends, List<String> provides, List<String> installIf,
                            List<String> replaces, List<String> config, InstallReason reason, String repository,
                            String tag, Instant installedAt) {
        this(name, version, arch, description, url, license, origin, maintainer, buildDate, size, sha256,
                providerPriority, depends, provides, installIf, replaces, config, reason, repository, tag,
                installedAt, null);
    }

    /** A package with only the required metadata and empty lists; fill the rest with {@code withX}. */
    public static InstalledPackage of(String name, String version, String arch,
                                      InstallReason reason, Instant installedAt) {
        return new InstalledPackage(name, version, arch, null, null, null, null, null, null, 0,
                null, 0, List.of(), List.of(), List.of(), List.of(), List.of(), reason, null, null,
                installedAt);
    }

    /** A copy with another reason. */
    public InstalledPackage withReason(InstallReason value) {
        return new InstalledPackage(name, version, arch, description, url, license, origin,
                maintainer, buildDate, size, sha256, providerPriority, depends, provides, installIf,
                replaces, config, value, repository, tag, installedAt, fileSha256);
    }

    /** A copy with other dependency constraints. */
    public InstalledPackage withDepends(List<String> value) {
        return new InstalledPackage(name, version, arch, description, url, license, origin,
                maintainer, buildDate, size, sha256, providerPriority, value, provides, installIf,
                replaces, config, reason, repository, tag, installedAt, fileSha256);
    }

    /** A copy with other provides. */
    public InstalledPackage withProvides(List<String> value) {
        return new InstalledPackage(name, version, arch, description, url, license, origin,
                maintainer, buildDate, size, sha256, providerPriority, depends, value, installIf,
                replaces, config, reason, repository, tag, installedAt, fileSha256);
    }

    /** A copy with another description. */
    public InstalledPackage withDescription(String value) {
        return new InstalledPackage(name, version, arch, value, url, license, origin,
                maintainer, buildDate, size, sha256, providerPriority, depends, provides, installIf,
                replaces, config, reason, repository, tag, installedAt, fileSha256);
    }

    /** A copy with another manifest hash. */
    public InstalledPackage withSha256(String value) {
        return new InstalledPackage(name, version, arch, description, url, license, origin,
                maintainer, buildDate, size, value, providerPriority, depends, provides, installIf,
                replaces, config, reason, repository, tag, installedAt, fileSha256);
    }

    /** A copy recording where it came from. */
    public InstalledPackage withRepository(String repositoryValue, String tagValue) {
        return new InstalledPackage(name, version, arch, description, url, license, origin,
                maintainer, buildDate, size, sha256, providerPriority, depends, provides, installIf,
                replaces, config, reason, repositoryValue, tagValue, installedAt, fileSha256);
    }

    /** A copy with another package-file hash. */
    public InstalledPackage withFileSha256(String value) {
        return new InstalledPackage(name, version, arch, description, url, license, origin,
                maintainer, buildDate, size, sha256, providerPriority, depends, provides, installIf,
                replaces, config, reason, repository, tag, installedAt, value);
    }
}
