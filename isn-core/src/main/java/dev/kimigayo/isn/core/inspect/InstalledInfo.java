package dev.kimigayo.isn.core.inspect;

import java.util.List;

import dev.kimigayo.isn.db.InstallReason;
import dev.kimigayo.isn.db.InstalledPackage;

/**
 * An installed package as the read-only queries answer it ({@code isn info}, {@code isn list}):
 * the core's own value, so that a front end needs no database types.
 *
 * @param name        package name
 * @param version     installed version
 * @param arch        architecture
 * @param description one line, may be null
 * @param url         project URL, may be null
 * @param license     licence expression, may be null
 * @param size        installed size in bytes
 * @param reason      why it is installed
 * @param repository  the repository URL or local file it came from, may be null
 * @param depends     dependency constraints as PKGINFO words
 * @param provides    provided names as PKGINFO words
 * @param installIf   {@code install_if} constraints as PKGINFO words
 * @param fileSha256  SHA-256 of the package file it was installed from; null when installed before isn recorded it
 */
public record InstalledInfo(String name, String version, String arch, String description, String url,
                            String license, long size, Reason reason, String repository, List<String> depends,
                            List<String> provides, List<String> installIf, String fileSha256) {

    /** Why a package is installed. */
    public enum Reason {
        /** Named in the world. */
        EXPLICIT,
        /** Pulled in by another package. */
        DEPENDENCY
    }

    /** Freezes the lists. */
    public InstalledInfo {
        depends = List.copyOf(depends);
        provides = List.copyOf(provides);
        installIf = List.copyOf(installIf);
    }

    static InstalledInfo of(InstalledPackage p) {
        return new InstalledInfo(p.name(), p.version(), p.arch(), p.description(), p.url(), p.license(), p.size(),
                p.reason() == InstallReason.EXPLICIT ? Reason.EXPLICIT : Reason.DEPENDENCY, p.repository(),
                p.depends(), p.provides(), p.installIf(), p.fileSha256());
    }
}
