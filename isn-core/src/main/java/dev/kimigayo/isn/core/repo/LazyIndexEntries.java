package dev.kimigayo.isn.core.repo;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * The packages of a cached index, decoded on first access: {@code isn update} with an unchanged
 * index needs only the count, and never pays for 65,000 package objects. Immutable once decoded.
 */
final class LazyIndexEntries extends AbstractList<IndexEntry> implements RandomAccess {

    private final int size;
    private Supplier<List<IndexEntry>> decoder;
    private List<IndexEntry> entries;

    LazyIndexEntries(int size, Supplier<List<IndexEntry>> decoder) {
        this.size = size;
        this.decoder = decoder;
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
            List<IndexEntry> decoded = decoder.get();
            if (decoded.size() != size) {
                throw new IllegalStateException("index cache: " + decoded.size() + " packages, header says " + size);
            }
            entries = java.util.Collections.unmodifiableList(decoded);
            decoder = null; // lets the cache file's bytes go
        }
        return entries;
    }
}
