package dev.kimigayo.isn.core.repo;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.core.pkginfo.PkgInfo;

/**
 * Writes the body of an {@link IndexCache}: the index's top-level fields; the relations of the
 * packages ({@link IndexRelations}: what a request can reach, readable without decoding any
 * package); each package as references into one table of distinct strings; then that table (a
 * name, version or constraint used by a thousand packages is stored and later decoded once, and
 * a reader that wants a few packages decodes only their strings). Read back by
 * {@link IndexCacheDecoder}.
 */
final class IndexCacheEncoder {

    private final StringIds ids = new StringIds();

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
        relations(IndexRelations.of(index.packages()), out);
        for (IndexEntry e : index.packages()) {
            table.entry(e, out);
        }
        out.writeInt(table.ids.size());
        for (int i = 0; i < table.ids.size(); i++) {
            text(out, table.ids.get(i));
        }
    }

    /** The relations section: its names, then per package the length and values of its row. */
    private static void relations(IndexRelations r, DataOutputStream out) throws IOException {
        out.writeInt(r.names().length);
        for (String n : r.names()) {
            text(out, n);
        }
        int[] start = r.starts();
        int[] data = r.data();
        for (int p = 0; p + 1 < start.length; p++) {
            out.writeInt(start[p + 1] - start[p]);
            for (int i = start[p]; i < start[p + 1]; i++) {
                out.writeInt(data[i]);
            }
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
        return s == null ? -1 : ids.id(s);
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
