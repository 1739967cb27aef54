package dev.kimigayo.isn.core.repo;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.ConstraintSyntaxException;
import dev.kimigayo.isn.core.version.Provide;

/**
 * Reads what {@link IndexCacheEncoder} wrote, from bytes whose HMAC {@link IndexCache} checks
 * before anything read here is used. Every distinct string becomes one {@code String}, and every
 * distinct constraint or provide one parsed object shared by all the packages that name it; a
 * reader wanting only some packages decodes only their strings.
 */
final class IndexCacheDecoder {

    private final String[] strings;
    private final Constraint[] constraints;
    private final Provide[] provides;

    private IndexCacheDecoder(String[] strings) {
        this.strings = strings;
        this.constraints = new Constraint[strings.length];
        this.provides = new Provide[strings.length];
    }

    /** The top-level fields of a cached index. */
    record Header(int formatVersion, RepositoryInfo repository, long serial, Instant generated, Instant expires,
            int packageCount) {

        /** The index with these fields and {@code relations}, whose packages {@code source} decodes on first use. */
        RepoIndex index(LazyIndexEntries.Source source, IndexRelations relations) {
            return new RepoIndex(formatVersion, repository, serial, generated, expires,
                    new LazyIndexEntries(packageCount, source, relations));
        }

        // Written out: a record's generated equals and hashCode are bound through method handles
        // on first use, which spins classes at run time (see RepositoryInfo).
        @Override
        public boolean equals(Object other) {
            return other == this || other instanceof Header o
                    && formatVersion == o.formatVersion
                    && java.util.Objects.equals(repository, o.repository)
                    && serial == o.serial
                    && java.util.Objects.equals(generated, o.generated)
                    && java.util.Objects.equals(expires, o.expires)
                    && packageCount == o.packageCount;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(formatVersion, repository, serial, generated, expires, packageCount);
        }
    }

    /** Reads the header, which follows the binding. */
    static Header header(DataInputStream in) throws IOException {
        int formatVersion = in.readInt();
        RepositoryInfo repository = new RepositoryInfo(text(in), text(in));
        long serial = in.readLong();
        Instant generated = instant(in);
        Instant expires = instant(in);
        int packageCount = in.readInt();
        if (packageCount < 0) {
            throw new IOException("bad package count " + packageCount);
        }
        return new Header(formatVersion, repository, serial, generated, expires, packageCount);
    }

    /** Reads the relations section, which follows the header. */
    static IndexRelations relations(DataInputStream in, int packageCount) throws IOException {
        String[] names = strings(in, count(in), null);
        int[] start = offsets(in, packageCount);
        int[] data = ints(in, start[packageCount]);
        IndexRelations r = new IndexRelations(names, start, data);
        r.check();
        return r;
    }

    /** Skips the relations section: only the last offset of each table is read. */
    static void skipRelations(DataInputStream in, int packageCount) throws IOException {
        int names = count(in);
        in.skipNBytes(4L * names);
        in.skipNBytes(count(in));
        in.skipNBytes(4L * packageCount);
        in.skipNBytes(4L * count(in));
    }

    /**
     * Reads the packages and the string table, which follow the relations; keeps the packages at
     * the ascending positions {@code wanted} (null: all), skipping the others unread, and decodes
     * only the strings they use.
     */
    static List<IndexEntry> packages(DataInputStream in, int packageCount, int[] wanted) throws IOException {
        int[] offset = offsets(in, packageCount);
        int kept = wanted == null ? packageCount : wanted.length;
        List<Record> records = new ArrayList<>(kept);
        long at = 0;
        for (int k = 0; k < kept; k++) {
            int p = wanted == null ? k : wanted[k];
            if (p < 0 || p >= packageCount || offset[p] < at) {
                throw new IOException("index cache: package positions out of range");
            }
            in.skipNBytes(offset[p] - at);
            byte[] bytes = new byte[offset[p + 1] - offset[p]];
            in.readFully(bytes);
            records.add(Record.read(java.nio.ByteBuffer.wrap(bytes)));
            at = offset[p + 1];
        }
        in.skipNBytes(offset[packageCount] - at);
        int stringCount = count(in);
        java.util.BitSet used = new java.util.BitSet(stringCount);
        for (Record r : records) {
            r.mark(used, stringCount);
        }
        String[] strings = strings(in, stringCount, used);
        IndexCacheDecoder d = new IndexCacheDecoder(strings);
        List<IndexEntry> out = new ArrayList<>(records.size());
        try {
            for (Record r : records) {
                out.add(d.entry(r));
            }
        } catch (ConstraintSyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("index cache: package " + out.size() + " unreadable: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * A string table of {@code count} strings (its count already read): the offsets, then the
     * blob, of which only the strings in {@code used} (null: all) are decoded, the rest skipped.
     */
    private static String[] strings(DataInputStream in, int count, java.util.BitSet used) throws IOException {
        int[] offset = offsets(in, count);
        String[] strings = new String[count];
        long at = 0;
        for (int i = used == null ? (count > 0 ? 0 : -1) : used.nextSetBit(0); i >= 0 && i < count;
                i = used == null ? (i + 1 < count ? i + 1 : -1) : used.nextSetBit(i + 1)) {
            in.skipNBytes(offset[i] - at);
            byte[] bytes = new byte[offset[i + 1] - offset[i]];
            in.readFully(bytes);
            strings[i] = new String(bytes, StandardCharsets.UTF_8);
            at = offset[i + 1];
        }
        in.skipNBytes(offset[count] - at);
        return strings;
    }

    /** {@code n + 1} ascending offsets from 0: where each of {@code n} items ends in the blob that follows. */
    private static int[] offsets(DataInputStream in, int n) throws IOException {
        int[] offset = ints(in, n + 1L);
        if (offset[0] != 0) {
            throw new IOException("index cache: bad offsets");
        }
        for (int i = 0; i < n; i++) {
            if (offset[i + 1] < offset[i]) {
                throw new IOException("index cache: bad offsets");
            }
        }
        if (offset[n] > IndexJsonParser.MAX_SIZE) {
            throw new IOException("index cache: bad offsets");
        }
        return offset;
    }

    /** {@code n} ints, read in blocks rather than one call each (millions of them in a 65k cache). */
    private static int[] ints(DataInputStream in, long n) throws IOException {
        if (n < 0 || n > IndexJsonParser.MAX_SIZE / 4) {
            throw new IOException("index cache: bad count " + n);
        }
        int[] out = new int[(int) n];
        byte[] block = new byte[(int) Math.min(4 * n, 1 << 16)];
        java.nio.IntBuffer view = java.nio.ByteBuffer.wrap(block).asIntBuffer();
        for (int done = 0; done < out.length; ) {
            int take = Math.min(out.length - done, block.length / 4);
            in.readFully(block, 0, 4 * take);
            view.get(0, out, done, take);
            done += take;
        }
        return out;
    }

    /**
     * One package as stored: eleven string ids (name, version, architecture, file, file SHA-256,
     * description, url, license, origin, maintainer, SHA-256), three numbers, the provider
     * priority, six lists (depends, provides, install_if, replaces, config, setuid) as a count and
     * string ids, and the unknown keys (a count, then per key its id and a list).
     */
    private record Record(int[] ints, long fileSize, long buildDate, long size) {

        /** The record that fills {@code b} exactly. */
        static Record read(java.nio.ByteBuffer b) throws IOException {
            try {
                IndexRelations.IntBuffer ints = new IndexRelations.IntBuffer();
                for (int i = 0; i < 11; i++) {
                    ints.add(b.getInt());
                }
                long fileSize = b.getLong();
                long buildDate = b.getLong();
                long size = b.getLong();
                ints.add(b.getInt());
                for (int list = 0; list < 6; list++) {
                    list(b, ints);
                }
                int unknown = b.getInt();
                if (unknown < 0) {
                    throw new IOException("index cache: bad count " + unknown);
                }
                ints.add(unknown);
                for (int k = 0; k < unknown; k++) {
                    ints.add(b.getInt());
                    list(b, ints);
                }
                if (b.hasRemaining()) {
                    throw new IOException("index cache: a package record longer than its fields");
                }
                return new Record(java.util.Arrays.copyOf(ints.values, ints.size), fileSize, buildDate, size);
            } catch (java.nio.BufferUnderflowException e) {
                throw new IOException("index cache: a package record shorter than its fields", e);
            }
        }

        private static void list(java.nio.ByteBuffer b, IndexRelations.IntBuffer ints) throws IOException {
            int n = b.getInt();
            if (n < 0 || n > b.remaining() / 4) {
                throw new IOException("index cache: bad count " + n);
            }
            ints.add(n);
            for (int i = 0; i < n; i++) {
                ints.add(b.getInt());
            }
        }

        /** Marks the string ids this record uses (the priority and the counts are not ids). */
        void mark(java.util.BitSet used, int stringCount) throws IOException {
            Cursor c = new Cursor(ints);
            for (int i = 0; i < 11; i++) {
                c.mark(c.next(), used, stringCount);
            }
            c.next();
            for (int list = 0; list < 6; list++) {
                c.markList(used, stringCount);
            }
            int unknown = c.next();
            for (int k = 0; k < unknown; k++) {
                c.mark(c.next(), used, stringCount);
                c.markList(used, stringCount);
            }
        }
    }

    /** Reads a record's ints in order. */
    private static final class Cursor {
        private final int[] ints;
        private int at;

        Cursor(int[] ints) {
            this.ints = ints;
        }

        int next() {
            return ints[at++];
        }

        void mark(int id, java.util.BitSet used, int stringCount) throws IOException {
            if (id < -1 || id >= stringCount) {
                throw new IOException("bad string id " + id);
            }
            if (id >= 0) {
                used.set(id);
            }
        }

        void markList(java.util.BitSet used, int stringCount) throws IOException {
            int n = next();
            for (int i = 0; i < n; i++) {
                int id = next();
                if (id < 0) {
                    throw new IOException("bad string id " + id);
                }
                mark(id, used, stringCount);
            }
        }
    }

    private IndexEntry entry(Record r) throws ConstraintSyntaxException {
        Cursor c = new Cursor(r.ints());
        String name = string(c);
        String version = string(c);
        String arch = string(c);
        String file = string(c);
        String fileSha256 = string(c);
        String description = string(c);
        String url = string(c);
        String license = string(c);
        String origin = string(c);
        String maintainer = string(c);
        String sha256 = string(c);
        int providerPriority = c.next();
        List<Constraint> depends = constraints(c);
        List<Provide> provided = provides(c);
        List<Constraint> installIf = constraints(c);
        List<Constraint> replaces = constraints(c);
        List<String> config = strings(c);
        List<String> setuid = strings(c);
        int unknownCount = c.next();
        Map<String, List<String>> unknown = unknownCount == 0 ? Map.of() : new TreeMap<>();
        for (int i = 0; i < unknownCount; i++) {
            unknown.put(string(c), strings(c));
        }
        PkgInfo info = new PkgInfo(name, version, arch, description, url, license, depends, provided, installIf,
                replaces, providerPriority, origin, maintainer, r.buildDate(), r.size(), sha256, config, setuid, unknown);
        return new IndexEntry(info, file, r.fileSize(), fileSha256);
    }

    private String string(Cursor c) {
        int id = c.next();
        return id == -1 ? null : strings[id];
    }

    private List<String> strings(Cursor c) {
        int n = c.next();
        if (n == 0) {
            return List.of();
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = strings[c.next()];
        }
        return List.of(out);
    }

    private List<Constraint> constraints(Cursor c) throws ConstraintSyntaxException {
        int n = c.next();
        if (n == 0) {
            return List.of();
        }
        Constraint[] out = new Constraint[n];
        for (int i = 0; i < n; i++) {
            int id = c.next();
            Constraint k = constraints[id];
            if (k == null) {
                k = Constraint.parse(strings[id]);
                constraints[id] = k;
            }
            out[i] = k;
        }
        return List.of(out);
    }

    private List<Provide> provides(Cursor c) throws ConstraintSyntaxException {
        int n = c.next();
        if (n == 0) {
            return List.of();
        }
        Provide[] out = new Provide[n];
        for (int i = 0; i < n; i++) {
            int id = c.next();
            Provide p = provides[id];
            if (p == null) {
                p = Provide.parse(strings[id]);
                provides[id] = p;
            }
            out[i] = p;
        }
        return List.of(out);
    }

    /** A count or length: never negative, never more than an index may hold. */
    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > IndexJsonParser.MAX_SIZE) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > IndexJsonParser.MAX_SIZE) {
            throw new IOException("bad string length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static Instant instant(DataInputStream in) throws IOException {
        long seconds = in.readLong();
        return Instant.ofEpochSecond(seconds, in.readInt());
    }
}
