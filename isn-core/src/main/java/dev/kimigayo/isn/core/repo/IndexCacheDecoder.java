package dev.kimigayo.isn.core.repo;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import dev.kimigayo.isn.core.pkginfo.PkgInfo;
import dev.kimigayo.isn.core.version.Constraint;
import dev.kimigayo.isn.core.version.ConstraintSyntaxException;
import dev.kimigayo.isn.core.version.Provide;

/**
 * Reads what {@link IndexCacheEncoder} wrote, from bytes whose HMAC {@link IndexCache} has already
 * checked. Every distinct string becomes one {@code String}, and every distinct constraint or
 * provide one parsed object shared by all the packages that name it.
 */
final class IndexCacheDecoder {

    private final DataInputStream in;
    private final String[] strings;
    private final Constraint[] constraints;
    private final Provide[] provides;

    private IndexCacheDecoder(DataInputStream in, int stringCount) throws IOException {
        this.in = in;
        this.strings = new String[stringCount];
        for (int i = 0; i < stringCount; i++) {
            strings[i] = text(in);
        }
        this.constraints = new Constraint[stringCount];
        this.provides = new Provide[stringCount];
    }

    /** The top-level fields of a cached index. */
    record Header(int formatVersion, RepositoryInfo repository, long serial, Instant generated, Instant expires,
            int packageCount) {

        /** The index with these fields, whose packages {@code decoder} decodes on first use. */
        RepoIndex index(Supplier<List<IndexEntry>> decoder) {
            return new RepoIndex(formatVersion, repository, serial, generated, expires,
                    new LazyIndexEntries(packageCount, decoder));
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

    /** Reads the string table and the packages, which follow the header. */
    static List<IndexEntry> packages(DataInputStream in, int packageCount) throws IOException {
        int stringCount = in.readInt();
        if (stringCount < 0 || stringCount > IndexJsonParser.MAX_SIZE / 4) {
            throw new IOException("bad string count " + stringCount);
        }
        IndexCacheDecoder d = new IndexCacheDecoder(in, stringCount);
        List<IndexEntry> out = new ArrayList<>(packageCount);
        try {
            for (int i = 0; i < packageCount; i++) {
                out.add(d.entry());
            }
        } catch (ConstraintSyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("index cache: package " + out.size() + " unreadable: " + e.getMessage(), e);
        }
        return out;
    }

    private IndexEntry entry() throws IOException, ConstraintSyntaxException {
        String name = string();
        String version = string();
        String arch = string();
        String file = string();
        String fileSha256 = string();
        String description = string();
        String url = string();
        String license = string();
        String origin = string();
        String maintainer = string();
        String sha256 = string();
        long fileSize = in.readLong();
        long buildDate = in.readLong();
        long size = in.readLong();
        int providerPriority = in.readInt();
        List<Constraint> depends = constraints();
        List<Provide> provided = provides();
        List<Constraint> installIf = constraints();
        List<Constraint> replaces = constraints();
        List<String> config = strings();
        List<String> setuid = strings();
        int unknownCount = in.readInt();
        Map<String, List<String>> unknown = unknownCount == 0 ? Map.of() : new TreeMap<>();
        for (int i = 0; i < unknownCount; i++) {
            unknown.put(string(), strings());
        }
        PkgInfo info = new PkgInfo(name, version, arch, description, url, license, depends, provided, installIf,
                replaces, providerPriority, origin, maintainer, buildDate, size, sha256, config, setuid, unknown);
        return new IndexEntry(info, file, fileSize, fileSha256);
    }

    private String string() throws IOException {
        int id = in.readInt();
        return id == -1 ? null : strings[id];
    }

    private List<String> strings() throws IOException {
        int n = in.readInt();
        if (n == 0) {
            return List.of();
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = strings[in.readInt()];
        }
        return List.of(out);
    }

    private List<Constraint> constraints() throws IOException, ConstraintSyntaxException {
        int n = in.readInt();
        if (n == 0) {
            return List.of();
        }
        Constraint[] out = new Constraint[n];
        for (int i = 0; i < n; i++) {
            int id = in.readInt();
            Constraint c = constraints[id];
            if (c == null) {
                c = Constraint.parse(strings[id]);
                constraints[id] = c;
            }
            out[i] = c;
        }
        return List.of(out);
    }

    private List<Provide> provides() throws IOException, ConstraintSyntaxException {
        int n = in.readInt();
        if (n == 0) {
            return List.of();
        }
        Provide[] out = new Provide[n];
        for (int i = 0; i < n; i++) {
            int id = in.readInt();
            Provide p = provides[id];
            if (p == null) {
                p = Provide.parse(strings[id]);
                provides[id] = p;
            }
            out[i] = p;
        }
        return List.of(out);
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
