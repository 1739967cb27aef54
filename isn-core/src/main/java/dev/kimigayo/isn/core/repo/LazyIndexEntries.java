package dev.kimigayo.isn.core.repo;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The packages of a cached index, decoded on first access: {@code isn update} with an unchanged
 * index needs only the count, and never pays for 65,000 package objects; a planner asks for the
 * {@link #relations()} and then decodes only the packages its request can reach
 * ({@link #select}). Immutable once decoded.
 */
final class LazyIndexEntries extends AbstractList<IndexEntry> implements RandomAccess {

    /** Where the packages come from: each call reads (and authenticates) the cache again. */
    interface Source {
        /** The packages at the ascending positions {@code wanted}, or all of them for null. */
        List<IndexEntry> decode(int[] wanted);
    }

    private final int size;
    private Source source;
    private List<IndexEntry> entries;
    private final IndexRelations relations;

    /** {@code size} packages from {@code source}, whose relations (read with the header, in the same authenticated pass) are {@code relations}. */
    LazyIndexEntries(int size, Source source, IndexRelations relations) {
        if (relations.size() != size) {
            throw new IllegalStateException("index cache: " + relations.size() + " packages, header says " + size);
        }
        this.size = size;
        this.source = source;
        this.relations = relations;
    }

    /** The relations of the packages (decoding none). */
    IndexRelations relations() {
        return relations;
    }

    /** The packages at the ascending positions {@code wanted}, decoding only those unless all are decoded already. */
    synchronized List<IndexEntry> select(int[] wanted) {
        if (entries != null) {
            return java.util.Arrays.stream(wanted).mapToObj(entries::get).toList();
        }
        List<IndexEntry> decoded = source.decode(wanted);
        if (decoded.size() != wanted.length) {
            throw new IllegalStateException("index cache: " + decoded.size() + " packages, asked for " + wanted.length);
        }
        return java.util.Collections.unmodifiableList(decoded);
    }

    @Override
    public IndexEntry get(int index) {
        return entries().get(index);
    }

    @Override
    public java.util.Iterator<IndexEntry> iterator() {
        return entries().iterator();
    }

    @Override
    public int size() {
        return size;
    }

    private synchronized List<IndexEntry> entries() {
        if (entries == null) {
            List<IndexEntry> decoded = source.decode(null);
            if (decoded.size() != size) {
                throw new IllegalStateException("index cache: " + decoded.size() + " packages, header says " + size);
            }
            entries = java.util.Collections.unmodifiableList(decoded);
            source = null;
        }
        return entries;
    }
}
