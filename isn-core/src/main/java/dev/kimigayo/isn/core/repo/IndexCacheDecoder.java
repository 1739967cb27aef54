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

        /** The index with these fields, whose packages {@code decoder} decodes on first use. */
        RepoIndex index(LazyIndexEntries.Source source) {
            return new RepoIndex(formatVersion, repository, serial, generated, expires,
                    new LazyIndexEntries(packageCount, source));
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
        String[] names = new String[count(in)];
        for (int i = 0; i < names.length; i++) {
            names[i] = text(in);
        }
        int[] start = new int[packageCount + 1];
        IndexRelations.IntBuffer data = new IndexRelations.IntBuffer();
        for (int p = 0; p < packageCount; p++) {
            start[p] = data.size;
            int n = count(in);
            for (int i = 0; i < n; i++) {
                int v = in.readInt();
                data.add(v);
            }
        }
        start[packageCount] = data.size;
        IndexRelations r = new IndexRelations(names, start, java.util.Arrays.copyOf(data.values, data.size));
        r.check();
        return r;
    }

    /** Skips the relations section. */
    static void skipRelations(DataInputStream in, int packageCount) throws IOException {
        int names = count(in);
        for (int i = 0; i < names; i++) {
            in.skipNBytes(count(in));
        }
        for (int p = 0; p < packageCount; p++) {
            in.skipNBytes(4L * count(in));
        }
    }

    /**
     * Reads the packages and the string table, which follow the relations; keeps the packages at
     * the ascending positions {@code wanted} (null: all) and decodes only the strings they use.
     */
    static List<IndexEntry> packages(DataInputStream in, int packageCount, int[] wanted) throws IOException {
        List<Record> records = new ArrayList<>(wanted == null ? packageCount : wanted.length);
        int next = 0;
        for (int p = 0; p < packageCount; p++) {
            boolean keep = wanted == null || next < wanted.length && wanted[next] == p;
            Record r = Record.read(in, keep);
            if (keep) {
                records.add(r);
                next++;
            }
        }
        if (wanted != null && next != wanted.length) {
            throw new IOException("index cache: package positions out of range");
        }
        int stringCount = in.readInt();
        if (stringCount < 0 || stringCount > IndexJsonParser.MAX_SIZE / 4) {
            throw new IOException("bad string count " + stringCount);
        }
        java.util.BitSet used = new java.util.BitSet(stringCount);
        for (Record r : records) {
            r.mark(used, stringCount);
        }
        String[] strings = new String[stringCount];
        for (int i = 0; i < stringCount; i++) {
            if (used.get(i)) {
                strings[i] = text(in);
            } else {
                in.skipNBytes(count(in));
            }
        }
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
     * One package as stored: eleven string ids (name, version, architecture, file, file SHA-256,
     * description, url, license, origin, maintainer, SHA-256), the provider priority, six lists
     * (depends, provides, install_if, replaces, config, setuid) as a count and string ids, and the
     * unknown keys (a count, then per key its id and a list); and three numbers.
     */
    private record Record(int[] ints, long fileSize, long buildDate, long size) {

        static Record read(DataInputStream in, boolean keep) throws IOException {
            IndexRelations.IntBuffer b = new IndexRelations.IntBuffer();
            for (int i = 0; i < 11; i++) {
                b.add(in.readInt());
            }
            long fileSize = in.readLong();
            long buildDate = in.readLong();
            long size = in.readLong();
            b.add(in.readInt());
            for (int list = 0; list < 6; list++) {
                list(in, b);
            }
            int unknown = count(in);
            b.add(unknown);
            for (int k = 0; k < unknown; k++) {
                b.add(in.readInt());
                list(in, b);
            }
            return keep ? new Record(java.util.Arrays.copyOf(b.values, b.size), fileSize, buildDate, size) : null;
        }

        private static void list(DataInputStream in, IndexRelations.IntBuffer b) throws IOException {
            int n = count(in);
            b.add(n);
            for (int i = 0; i < n; i++) {
                b.add(in.readInt());
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
