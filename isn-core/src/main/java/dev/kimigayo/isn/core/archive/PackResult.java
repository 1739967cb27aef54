package dev.kimigayo.isn.core.archive;

import java.nio.file.Path;

/**
 * One package written by {@link PackageBuilder}.
 *
 * @param file           the package file, {@code OUTDIR/NAME-VERSION.isn}
 * @param name           the package name
 * @param version        the package version
 * @param installedSize  PKGINFO {@code size}: bytes of regular files installed
 * @param manifestSha256 PKGINFO {@code sha256}: the hash of {@code .MANIFEST}
 * @param signed         whether the package carries a signature
 */
public record PackResult(Path file, String name, String version, long installedSize, String manifestSha256,
                         boolean signed) {
}
