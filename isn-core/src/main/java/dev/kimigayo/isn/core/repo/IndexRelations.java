package dev.kimigayo.isn.core.repo;

import java.util.Arrays;
import java.util.List;

import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.Provide;

/**
 * The names each package of an index owns, needs and touches, as integer tables: enough to work
 * out which packages a request can reach without decoding a single package (a 65,000-package index
 * decoded is ~35 MB; these tables are a few MB). Immutable.
 */
public final class IndexRelations {

    private final String[] names;
    private final int[] start;
    private final int[] data;
    private final int[] slots;
    private int[] providerStart;
    private int[] providerList;

    /**
     * {@code data[start[p]..start[p+1])} of package {@code p} is: the count of its owned names, its
     * name then its provided names; twice the count of its positive install_if names (plus one if it
     * has install_if conditions at all), those names; the count of the names its dependencies
     * require, those names; then the names its conflicts and negative install_if conditions name.
     * Every value other than a count is an index into {@code names}.
     */
    IndexRelations(String[] names, int[] start, int[] data) {
        this.names = names;
        this.start = start;
        this.data = data;
        this.slots = new int[Integer.highestOneBit(Math.max(names.length, 1) * 2) * 2];
        for (int id = 0; id < names.length; id++) {
            int i = slot(names[id]);
            while (slots[i] != 0) {
                i = (i + 1) & (slots.length - 1);
            }
            slots[i] = id + 1;
        }
    }

    /** The relations of {@code packages}, from their parsed metadata. */
    static IndexRelations of(List<IndexEntry> packages) {
        Builder b = new Builder();
        for (IndexEntry e : packages) {
            b.add(e.info());
        }
        return b.build();
    }

    /** Adds packages' rows one at a time, so a streamed index never holds its packages to derive them. */
    static final class Builder {
        private final StringIds names = new StringIds();
        private final IntBuffer start = new IntBuffer();
        private final IntBuffer data = new IntBuffer();

        /** Adds the row of the next package. */
        void add(PkgInfo i) {
            start.add(data.size);
            data.add(1 + i.provides().size());
            data.add(names.id(i.name()));
            for (Provide v : i.provides()) {
                data.add(names.id(v.name()));
            }
            int positive = 0;
            for (Constraint c : i.installIf()) {
                positive += c.conflict() ? 0 : 1;
            }
            data.add(positive * 2 + (i.installIf().isEmpty() ? 0 : 1));
            for (Constraint c : i.installIf()) {
                if (!c.conflict()) {
                    data.add(names.id(c.name()));
                }
            }
            int required = 0;
            for (Constraint c : i.depends()) {
                required += c.conflict() ? 0 : 1;
            }
            data.add(required);
            for (Constraint c : i.depends()) {
                if (!c.conflict()) {
                    data.add(names.id(c.name()));
                }
            }
            for (Constraint c : i.depends()) {
                if (c.conflict()) {
                    data.add(names.id(c.name()));
                }
            }
            for (Constraint c : i.installIf()) {
                if (c.conflict()) {
                    data.add(names.id(c.name()));
                }
            }
        }

        /** The names numbered so far, in id order. */
        StringIds names() {
            return names;
        }

        /** Where each package's row starts in {@link #data()}, one value per package added. */
        IntBuffer starts() {
            return start;
        }

        /** The rows of all packages added, end to end. */
        IntBuffer data() {
            return data;
        }

        IndexRelations build() {
            int[] starts = Arrays.copyOf(start.values, start.size + 1);
            starts[start.size] = data.size;
            return new IndexRelations(names.toArray(), starts, Arrays.copyOf(data.values, data.size));
        }
    }

    /** The number of packages. */
    public int size() {
        return start.length - 1;
    }

    /** The id of {@code name}, or -1 when no package of this index owns or mentions it. */
    public int find(String name) {
        for (int i = slot(name); slots[i] != 0; i = (i + 1) & (slots.length - 1)) {
            if (names[slots[i] - 1].equals(name)) {
                return slots[i] - 1;
            }
        }
        return -1;
    }

    /** The name of id {@code id}. */
    public String name(int id) {
        return names[id];
    }

    /** The packages (ascending) whose name or one of whose provides is name {@code id}. */
    public synchronized int[] providers(int id) {
        if (providerStart == null) {
            indexProviders();
        }
        return Arrays.copyOfRange(providerList, providerStart[id], providerStart[id + 1]);
    }

    /** The name of package {@code p} itself (the first of {@link #owns}, without a copy). */
    public int own(int p) {
        return data[start[p] + 1];
    }

    /** The names package {@code p} owns: its name, then the names it provides. */
    public int[] owns(int p) {
        return Arrays.copyOfRange(data, start[p] + 1, start[p] + 1 + data[start[p]]);
    }

    /**
     * The names the solver asks for once package {@code p} is chosen or may be triggered: its own
     * name (an install_if package is requested by it), its positive install_if conditions and the
     * names its dependencies require.
     */
    public int[] needs(int p) {
        int iif = iifAt(p);
        int deps = iif + 1 + (data[iif] >>> 1);
        int[] out = new int[1 + (data[iif] >>> 1) + data[deps]];
        out[0] = data[start[p] + 1];
        System.arraycopy(data, iif + 1, out, 1, data[iif] >>> 1);
        System.arraycopy(data, deps + 1, out, 1 + (data[iif] >>> 1), data[deps]);
        return out;
    }

    /** The names package {@code p} only checks chosen packages against: its conflicts and negative install_if conditions. */
    public int[] excludes(int p) {
        int iif = iifAt(p);
        int deps = iif + 1 + (data[iif] >>> 1);
        return Arrays.copyOfRange(data, deps + 1 + data[deps], start[p + 1]);
    }

    /** Whether package {@code p} has install_if conditions (it may be added when they hold). */
    public boolean hasInstallIf(int p) {
        return (data[iifAt(p)] & 1) != 0;
    }

    /** The names of the positive install_if conditions of package {@code p}. */
    public int[] installIfNames(int p) {
        int at = iifAt(p);
        return Arrays.copyOfRange(data, at + 1, at + 1 + (data[at] >>> 1));
    }

    private int iifAt(int p) {
        return start[p] + 1 + data[start[p]];
    }

    private void indexProviders() {
        int[] count = new int[names.length + 1];
        for (int p = 0; p < size(); p++) {
            int owned = data[start[p]];
            for (int k = 1; k <= owned; k++) {
                count[data[start[p] + k] + 1]++;
            }
        }
        for (int i = 0; i < names.length; i++) {
            count[i + 1] += count[i];
        }
        int[] list = new int[count[names.length]];
        int[] fill = Arrays.copyOf(count, names.length);
        for (int p = 0; p < size(); p++) {
            int owned = data[start[p]];
            for (int k = 1; k <= owned; k++) {
                list[fill[data[start[p] + k]]++] = p;
            }
        }
        providerStart = count;
        providerList = list;
    }

    private int slot(String name) {
        int h = name.hashCode();
        return (h ^ (h >>> 16)) & (slots.length - 1);
    }

    /** Checks that every row is well formed and every value names a name (a cache of another layout is refused). */
    void check() {
        for (int p = 0; p < size(); p++) {
            int at = start[p];
            int end = start[p + 1];
            if (end < at + 4 || data[at] < 1 || data[at] > end - at - 3) {
                throw malformed(p);
            }
            int iif = iifAt(p);
            int deps = iif + 1 + (data[iif] >>> 1);
            if (data[iif] < 0 || deps >= end || data[deps] < 0 || deps + 1 + data[deps] > end) {
                throw malformed(p);
            }
            for (int i = at + 1; i < end; i++) {
                boolean count = i == iif || i == deps;
                if (!count && (data[i] < 0 || data[i] >= names.length)) {
                    throw malformed(p);
                }
            }
        }
    }

    private static IllegalStateException malformed(int p) {
        return new IllegalStateException("index cache: malformed relations of package " + p);
    }

    /** For the cache encoder: the tables as they are stored. */
    String[] names() {
        return names;
    }

    int[] starts() {
        return start;
    }

    int[] data() {
        return data;
    }

    /** A growable int array. */
    static final class IntBuffer {
        int[] values = new int[1024];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
