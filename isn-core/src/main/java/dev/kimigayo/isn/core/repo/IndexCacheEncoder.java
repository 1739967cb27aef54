package dev.kimigayo.isn.core.repo;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.core.pkginfo.PkgInfo;

/**
 * Writes the body of an {@link IndexCache}: the index's top-level fields, one table of distinct
 * strings (a name, version or constraint used by a thousand packages is stored and later decoded
 * once), then each package as references into that table. Read back by {@link IndexCacheDecoder}.
 */
final class IndexCacheEncoder {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> strings = new java.util.ArrayList<>();

    private IndexCacheEncoder() {
    }

    static void write(RepoIndex index, DataOutputStream out) throws IOException {
        out.writeInt(index.formatVersion());
        text(out, index.repository().name());
        text(out, index.repository().description());
        out.writeLong(index.serial());
        instant(out, index.generated());
        instant(out, index.expires());
        IndexCacheEncoder table = new IndexCacheEncoder();
        for (IndexEntry e : index.packages()) {
            table.collect(e);
        }
        out.writeInt(index.packages().size());
        out.writeInt(table.strings.size());
        for (String s : table.strings) {
            text(out, s);
        }
        for (IndexEntry e : index.packages()) {
            table.entry(e, out);
        }
    }

    private void collect(IndexEntry e) {
        PkgInfo p = e.info();
        for (String s : new String[] {p.name(), p.version(), p.architecture(), e.file(), e.fileSha256(),
                p.description(), p.url(), p.license(), p.origin(), p.maintainer(), p.sha256()}) {
            id(s);
        }
        for (List<?> list : lists(p)) {
            list.forEach(v -> id(v.toString()));
        }
        p.unknown().forEach((k, v) -> {
            id(k);
            v.forEach(this::id);
        });
    }

    private void entry(IndexEntry e, DataOutputStream out) throws IOException {
        PkgInfo p = e.info();
        for (String s : new String[] {p.name(), p.version(), p.architecture(), e.file(), e.fileSha256(),
                p.description(), p.url(), p.license(), p.origin(), p.maintainer(), p.sha256()}) {
            out.writeInt(id(s));
        }
        out.writeLong(e.fileSize());
        out.writeLong(p.buildDate());
        out.writeLong(p.size());
        out.writeInt(p.providerPriority());
        for (List<?> list : lists(p)) {
            out.writeInt(list.size());
            for (Object v : list) {
                out.writeInt(id(v.toString()));
            }
        }
        out.writeInt(p.unknown().size());
        for (Map.Entry<String, List<String>> u : p.unknown().entrySet()) {
            out.writeInt(id(u.getKey()));
            out.writeInt(u.getValue().size());
            for (String v : u.getValue()) {
                out.writeInt(id(v));
            }
        }
    }

    /** The lists of a PKGINFO in the order the decoder expects them. */
    static List<List<?>> lists(PkgInfo p) {
        return List.of(p.depends(), p.provides(), p.installIf(), p.replaces(), p.config(), p.setuid());
    }

    /** The table index of {@code s}, added on first sight; -1 for null. */
    private int id(String s) {
        if (s == null) {
            return -1;
        }
        Integer known = ids.get(s);
        if (known != null) {
            return known;
        }
        ids.put(s, strings.size());
        strings.add(s);
        return strings.size() - 1;
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void instant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }
}
