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

    /**
     * The names each package owns and mentions, by position in {@link #packages()}: read from the
     * derived cache without decoding any package, or worked out from the parsed packages.
     */
    public IndexRelations relations() {
        return packages instanceof LazyIndexEntries lazy ? lazy.relations() : IndexRelations.of(packages);
    }

    /**
     * This index with only the packages at {@code positions} (ascending), in their order; from the
     * derived cache only those packages are decoded.
     */
    public RepoIndex subset(int[] positions) {
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] < 0 || positions[i] >= packages.size() || i > 0 && positions[i] <= positions[i - 1]) {
                throw new IllegalArgumentException("positions must be ascending package positions");
            }
        }
        List<IndexEntry> kept = packages instanceof LazyIndexEntries lazy ? lazy.select(positions)
                : java.util.Arrays.stream(positions).mapToObj(packages::get).toList();
        return new RepoIndex(formatVersion, repository, serial, generated, expires, kept);
    }

    /**
     * The positions (ascending) of the packages called {@code name} itself (not those that only
     * provide it), found in {@code relations} (this index's {@link #relations()}) without decoding any.
     */
    public static int[] positionsNamed(IndexRelations relations, String name) {
        int id = relations.find(name);
        if (id < 0) {
            return new int[0];
        }
        return java.util.Arrays.stream(relations.providers(id)).filter(p -> relations.own(p) == id).toArray();
    }

    /** Packages decoded at once by {@link #forEachPackage}: a few MB of objects. */
    public static final int SLICE = 4096;

    /**
     * Hands every package to {@code visitor}, in order, decoding a cached index {@code slice}
     * packages at a time (one authenticated pass each), so that a 65,000-package index is never
     * held as objects. The visitor should keep only what it needs; a cache that changed in between
     * is refused by an exception, so what it kept may be used once this returns.
     */
    public void forEachPackage(int slice, java.util.function.Consumer<IndexEntry> visitor) {
        if (!(packages instanceof LazyIndexEntries)) {
            packages.forEach(visitor);
            return;
        }
        for (int from = 0; from < packages.size(); from += slice) {
            int[] positions = java.util.stream.IntStream.range(from, Math.min(from + slice, packages.size())).toArray();
            subset(positions).packages().forEach(visitor);
        }
    }

    /** {@link #forEachPackage(int, java.util.function.Consumer)} a {@link #SLICE} at a time. */
    public void forEachPackage(java.util.function.Consumer<IndexEntry> visitor) {
        forEachPackage(SLICE, visitor);
    }

    /** A copy with another serial number. */
    public RepoIndex withSerial(long newSerial) {
        return new RepoIndex(formatVersion, repository, newSerial, generated, expires, packages);
    }
}
