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
        // Each record's offset first, so that a reader skips to the few it wants unread.
        int offset = 0;
        out.writeInt(offset);
        for (IndexEntry e : index.packages()) {
            offset = Math.addExact(offset, recordSize(e));
            out.writeInt(offset);
        }
        for (IndexEntry e : index.packages()) {
            table.entry(e, out);
        }
        String[] strings = table.ids.toArray();
        table = null; // the table's slots are not needed for the last section
        strings(strings, out);
    }

    /** The relations section: its names, then its row starts and values as two blocks. */
    private static void relations(IndexRelations r, DataOutputStream out) throws IOException {
        strings(r.names(), out);
        int[] start = r.starts();
        for (int v : start) {
            out.writeInt(v);
        }
        int[] data = r.data();
        for (int i = 0; i < start[start.length - 1]; i++) {
            out.writeInt(data[i]);
        }
    }

    /** A string table: the count, the end offset of each string in the blob (after a 0), then the UTF-8 blob. */
    private static void strings(String[] strings, DataOutputStream out) throws IOException {
        out.writeInt(strings.length);
        int offset = 0;
        out.writeInt(offset);
        for (String s : strings) {
            offset = Math.addExact(offset, utf8Length(s));
            out.writeInt(offset);
        }
        for (String s : strings) {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The bytes {@link #entry} writes for {@code e}. */
    private static int recordSize(IndexEntry e) {
        PkgInfo p = e.info();
        int size = 11 * 4 + 3 * 8 + 4;
        for (List<?> list : lists(p)) {
            size += 4 + 4 * list.size();
        }
        size += 4;
        for (List<String> v : p.unknown().values()) {
            size += 4 + 4 + 4 * v.size();
        }
        return size;
    }

    /** Encoded twice rather than held: a lone surrogate becomes '?', so only the encoder knows the length. */
    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
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
