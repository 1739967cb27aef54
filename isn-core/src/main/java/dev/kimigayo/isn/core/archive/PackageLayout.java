package dev.kimigayo.isn.core.archive;

import java.util.Set;

import dev.kimigayo.isn.core.pkginfo.PkgInfoReader;

/** Names and size limits of the package format (docs/format-package.md). */
public final class PackageLayout {

    /** Detached Ed25519 signature of the exact PKGINFO bytes; first entry of a signed package. */
    public static final String SIGNATURE = ".PKGINFO.ed25519";
    /** The package metadata. */
    public static final String PKGINFO = "PKGINFO";
    /** The list of every installed path with its hash; PKGINFO's {@code sha256} is its hash. */
    public static final String MANIFEST = ".MANIFEST";
    /** Optional shell functions run around install, upgrade and removal. */
    public static final String INSTALL = ".INSTALL";
    /** The file name suffix of packages. */
    public static final String SUFFIX = ".isn";

    /** Largest accepted signature entry. */
    public static final long MAX_SIGNATURE = 4 * 1024;
    /** Largest accepted PKGINFO entry. */
    public static final long MAX_PKGINFO = PkgInfoReader.MAX_SIZE;
    /** Largest accepted .MANIFEST entry (about 250,000 paths). */
    public static final long MAX_MANIFEST = 32L * 1024 * 1024;
    /** Largest accepted .INSTALL entry. */
    public static final long MAX_INSTALL = 1024 * 1024;
    /** Largest accepted pax extended header. */
    public static final long MAX_PAX_HEADER = 64 * 1024;
    /** Zero bytes tolerated after the end-of-archive marker (tar's blocking factor pads to 10 KiB). */
    public static final long MAX_ZERO_PADDING = 64 * 1024;

    private static final Set<String> METADATA = Set.of(SIGNATURE, PKGINFO, MANIFEST, INSTALL);

    private PackageLayout() {
    }

    /** Whether {@code path} names a metadata entry, which never appears in the payload. */
    public static boolean isMetadata(String path) {
        return METADATA.contains(path);
    }

    /** The file name of a package: {@code NAME-VERSION.isn}. */
    public static String fileName(String name, String version) {
        return name + "-" + version + SUFFIX;
    }

    /**
     * Upper bound on the uncompressed tar bytes that follow the manifest, computed from the
     * signed manifest: every entry may use one pax header (at most 3 blocks plus records for its
     * long names) and its content padded to 512, then the end marker and the zero padding.
     */
    static long payloadAllowance(Manifest manifest) {
        long total = 1024 + MAX_ZERO_PADDING;
        for (ManifestEntry e : manifest.entries()) {
            long names = e.path().length() * 3L + (e.linkTarget() == null ? 0 : e.linkTarget().length() * 3L);
            total += 512 * 3 + names + TarFormat.padded(e.contentSize());
        }
        return total;
    }
}
