package dev.kimigayo.isn.core.repo;

import java.util.Comparator;
import java.util.regex.Pattern;

import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.core.version.Version;

/**
 * One package of an index: its signed PKGINFO metadata and the name, size and SHA-256 (lower-case
 * hex) of the package file, which a client checks before it even opens the file.
 */
public record IndexEntry(PkgInfo info, String file, long fileSize, String fileSha256) {

    /** A package file name as it may appear in an index: a plain name ending in {@code .isn}. */
    public static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][A-Za-z0-9+._~-]{0,250}\\.isn");
    /** A SHA-256 in lower-case hex. */
    public static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** The canonical order of entries: name, then version (apk order), then architecture, then file. */
    public static final Comparator<IndexEntry> ORDER = Comparator
            .comparing((IndexEntry e) -> e.info().name())
            .thenComparing((a, b) -> Version.compare(a.info().version(), b.info().version()))
            .thenComparing(e -> e.info().architecture())
            .thenComparing(IndexEntry::file);

    /** Checks the file facts; the PKGINFO was checked by its own reader. */
    public IndexEntry {
        if (!FILE_NAME.matcher(file).matches()) {
            throw new IllegalArgumentException("not a package file name: " + file);
        }
        if (fileSize < 0) {
            throw new IllegalArgumentException("negative file size: " + fileSize);
        }
        if (!SHA256_HEX.matcher(fileSha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + fileSha256);
        }
    }
}
