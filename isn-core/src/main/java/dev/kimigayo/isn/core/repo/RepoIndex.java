package dev.kimigayo.isn.core.repo;

import java.time.Instant;
import java.util.List;

/**
 * The content of a repository index ({@code index.json}): the repository, a serial number that
 * grows with every re-indexing, the generation and expiry times, and one entry per package file,
 * in canonical order (see docs/format-index.md).
 */
public record RepoIndex(int formatVersion, RepositoryInfo repository, long serial, Instant generated,
        Instant expires, List<IndexEntry> packages) {

    /** The only format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** Copies the package list so the record stays immutable (a cache's lazy list already is). */
    public RepoIndex {
        packages = packages instanceof LazyIndexEntries ? packages : List.copyOf(packages);
    }

    /** A copy with another serial number. */
    public RepoIndex withSerial(long newSerial) {
        return new RepoIndex(formatVersion, repository, newSerial, generated, expires, packages);
    }
}
