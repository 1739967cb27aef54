package dev.kimigayo.isn.core.pkginfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Provide;

/**
 * The metadata of one package, as stored in its PKGINFO (docs/format-pkginfo.md).
 *
 * <p>The constructor enforces the format's rules with {@link IllegalArgumentException}, so a
 * value of this type always writes a PKGINFO that {@link PkgInfoReader} accepts back as an equal
 * record. Absent optional text is null, absent numbers are 0, absent lists are empty.
 *
 * @param name             package name (strict: see PackageNames)
 * @param version          valid apk version
 * @param architecture     one of {@link #ARCHITECTURES}
 * @param description      one-line summary, or null
 * @param url              project home page, or null
 * @param license          license expression (SPDX), or null
 * @param depends          dependencies and conflicts ({@code !name}), in file order
 * @param provides         provided names, versioned or virtual
 * @param installIf        conditions that all together pull this package in automatically
 * @param replaces         packages (name, optionally a version range) whose files this one may overwrite
 * @param providerPriority preference among providers of the same virtual name (higher wins)
 * @param origin           name of the source package this was built from, or null
 * @param maintainer       who maintains it ({@code Name <mail>}), or null
 * @param buildDate        build time, seconds since the epoch (UTC)
 * @param size             installed size in bytes
 * @param sha256           SHA-256 of the package's .MANIFEST entry (docs/format-package.md), or null
 * @param config           payload paths protected on upgrade and removal
 * @param setuid           payload paths allowed to carry the setuid or setgid bit
 * @param unknown          keys this isn does not know, kept verbatim (sorted by key)
 */
public record PkgInfo(String name, String version, String architecture, String description, String url,
        String license, List<Constraint> depends, List<Provide> provides, List<Constraint> installIf,
        List<Constraint> replaces, int providerPriority, String origin, String maintainer, long buildDate,
        long size, String sha256, List<String> config, List<String> setuid, Map<String, List<String>> unknown) {

    /** The architectures isn knows; {@code noarch} fits every machine. */
    public static final List<String> ARCHITECTURES = List.of("x86_64", "aarch64", "noarch");

    /** Validates every field and freezes the collections. */
    public PkgInfo {
        depends = List.copyOf(depends == null ? List.of() : depends);
        provides = List.copyOf(provides == null ? List.of() : provides);
        installIf = List.copyOf(installIf == null ? List.of() : installIf);
        replaces = List.copyOf(replaces == null ? List.of() : replaces);
        config = List.copyOf(config == null ? List.of() : config);
        setuid = List.copyOf(setuid == null ? List.of() : setuid);
        unknown = freeze(unknown);
        String problem = PkgInfoChecks.problem(name, version, architecture, description, url, license, depends,
                provides, installIf, replaces, providerPriority, origin, maintainer, buildDate, size, sha256,
                config, setuid, unknown);
        if (problem != null) {
            throw new IllegalArgumentException("invalid PKGINFO value: " + problem);
        }
    }

    /** A minimal package: only the required keys. */
    public static PkgInfo of(String name, String version, String architecture) {
        return new PkgInfo(name, version, architecture, null, null, null, List.of(), List.of(), List.of(),
                List.of(), 0, null, null, 0, 0, null, List.of(), List.of(), Map.of());
    }

    /** A copy with another manifest hash. */
    public PkgInfo withSha256(String newSha256) {
        return new PkgInfo(name, version, architecture, description, url, license, depends, provides, installIf,
                replaces, providerPriority, origin, maintainer, buildDate, size, newSha256, config, setuid, unknown);
    }

    /** A copy with another installed size. */
    public PkgInfo withSize(long newSize) {
        return new PkgInfo(name, version, architecture, description, url, license, depends, provides, installIf,
                replaces, providerPriority, origin, maintainer, buildDate, newSize, sha256, config, setuid, unknown);
    }

    /** A copy with another build date (seconds since the epoch). */
    public PkgInfo withBuildDate(long newBuildDate) {
        return new PkgInfo(name, version, architecture, description, url, license, depends, provides, installIf,
                replaces, providerPriority, origin, maintainer, newBuildDate, size, sha256, config, setuid, unknown);
    }

    /** A copy with other dependencies. */
    public PkgInfo withDepends(List<Constraint> newDepends) {
        return new PkgInfo(name, version, architecture, description, url, license, newDepends, provides, installIf,
                replaces, providerPriority, origin, maintainer, buildDate, size, sha256, config, setuid, unknown);
    }

    /** A copy with other provides. */
    public PkgInfo withProvides(List<Provide> newProvides) {
        return new PkgInfo(name, version, architecture, description, url, license, depends, newProvides, installIf,
                replaces, providerPriority, origin, maintainer, buildDate, size, sha256, config, setuid, unknown);
    }

    /** A copy with another description. */
    public PkgInfo withDescription(String newDescription) {
        return new PkgInfo(name, version, architecture, newDescription, url, license, depends, provides, installIf,
                replaces, providerPriority, origin, maintainer, buildDate, size, sha256, config, setuid, unknown);
    }

    /** Whether this package fits a machine of architecture {@code arch}. */
    public boolean fitsArchitecture(String arch) {
        return architecture.equals("noarch") || architecture.equals(arch);
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> map) {
        if (map == null || map.isEmpty()) {
            return Map.of(); // almost every package: a TreeMap each would cost 5 MB on a 65,000-package index
        }
        TreeMap<String, List<String>> copy = new TreeMap<>();
        if (map != null) {
            map.forEach((k, v) -> copy.put(k, List.copyOf(new ArrayList<>(v))));
        }
        return Collections.unmodifiableMap(copy);
    }

    // Written out, as in every record on the commands' start-up path: a record's generated
    // equals and hashCode are bound through method handles on first use, which spins classes at
    // run time that the class-data archive cannot hold (docs/benchmarks.md, start-up, "Third round").
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof PkgInfo o
                && Objects.equals(name, o.name)
                && Objects.equals(version, o.version)
                && Objects.equals(architecture, o.architecture)
                && Objects.equals(description, o.description)
                && Objects.equals(url, o.url)
                && Objects.equals(license, o.license)
                && Objects.equals(depends, o.depends)
                && Objects.equals(provides, o.provides)
                && Objects.equals(installIf, o.installIf)
                && Objects.equals(replaces, o.replaces)
                && providerPriority == o.providerPriority
                && Objects.equals(origin, o.origin)
                && Objects.equals(maintainer, o.maintainer)
                && buildDate == o.buildDate
                && size == o.size
                && Objects.equals(sha256, o.sha256)
                && Objects.equals(config, o.config)
                && Objects.equals(setuid, o.setuid)
                && Objects.equals(unknown, o.unknown);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, architecture, description, url, license, depends, provides, installIf,
                replaces, providerPriority, origin, maintainer, buildDate, size, sha256, config, setuid, unknown);
    }
}
