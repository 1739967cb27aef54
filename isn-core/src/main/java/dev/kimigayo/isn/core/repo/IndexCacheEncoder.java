package dev.kimigayo.isn.core.repo;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import dev.kimigayo.isn.core.pkginfo.PkgInfo;

/**
 * Writes the body of an {@link IndexCache} from packages given one at a time, so that a 65,000-
 * package index parsed streamed is never held whole: each package's record goes to a scratch file
 * as it comes, and only its relations row, its record's offset and the strings not seen before
 * stay in memory. {@link #finish} then writes the index's top-level fields, the relations
 * ({@link IndexRelations}: what a request can reach, readable without decoding any package), the
 * record offsets and records, and last the table of distinct strings (a name, version or
 * constraint used by a thousand packages is stored and later decoded once, and a reader that wants
 * a few packages decodes only their strings). Read back by {@link IndexCacheDecoder}.
 */
final class IndexCacheEncoder implements AutoCloseable {

    private final Utf8Ids ids;
    private final BitSet files = new BitSet();
    private IndexRelations.Builder relations = new IndexRelations.Builder();
    private final IndexRelations.IntBuffer ends = new IndexRelations.IntBuffer();
    private final Path scratch;
    private final DataOutputStream records;
    private int offset;

    /** An encoder keeping the records in {@code scratch} and a second file beside it (created, and deleted by {@link #close}). */
    IndexCacheEncoder(Path scratch) throws IOException {
        this.scratch = scratch;
        this.ids = new Utf8Ids(scratch.resolveSibling(scratch.getFileName() + ".strings"));
        this.records = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(scratch), 1 << 16));
    }

    /** The whole body of {@code index}, whose packages are already parsed. */
    static void write(RepoIndex index, Path scratch, DataOutputStream out) throws IOException {
        try (IndexCacheEncoder e = new IndexCacheEncoder(scratch)) {
            for (IndexEntry entry : index.packages()) {
                e.add(entry);
            }
            e.finish(index.formatVersion(), index.repository(), index.serial(), index.generated(), index.expires(), out);
        }
    }

    /** Adds the next package; false (and nothing added) if its file is one an earlier package named. */
    boolean add(IndexEntry e) throws IOException {
        int file = ids.id(e.file());
        if (files.get(file)) {
            return false;
        }
        files.set(file);
        relations.add(e.info());
        entry(e, records);
        offset = Math.addExact(offset, recordSize(e));
        ends.add(offset);
        return true;
    }

    /** Writes the body: the top-level fields, the relations, the records (copied from the scratch file), the strings. */
    void finish(int formatVersion, RepositoryInfo repository, long serial, Instant generated, Instant expires,
            DataOutputStream out) throws IOException {
        records.close();
        out.writeInt(formatVersion);
        text(out, repository.name());
        text(out, repository.description());
        out.writeLong(serial);
        instant(out, generated);
        instant(out, expires);
        out.writeInt(ends.size);
        relations(relations, out);
        relations = null; // not needed for the rest: let the string table have the room
        // Each record's end first, so that a reader skips to the few it wants unread.
        out.writeInt(0);
        for (int i = 0; i < ends.size; i++) {
            out.writeInt(ends.values[i]);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(scratch), 1 << 16)) {
            if (in.transferTo(out) != offset) {
                throw new IOException("the scratch file " + scratch + " changed while in use");
            }
        }
        ids.write(out);
    }

    @Override
    public void close() throws IOException {
        try (ids) {
            records.close();
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    /**
     * Writes the relations straight from the builder, in the layout {@link IndexRelations} reads:
     * building one first would copy the tables and hash the names (~9 MB for the 65k index) only
     * to write them out, at the derivation's peak, with every string of the index still held for
     * the string table. (A method of its own, so that no local of the caller's frame keeps them.)
     */
    private static void relations(IndexRelations.Builder relations, DataOutputStream out) throws IOException {
        strings(relations.names(), out);
        IndexRelations.IntBuffer starts = relations.starts();
        IndexRelations.IntBuffer data = relations.data();
        for (int i = 0; i < starts.size; i++) {
            out.writeInt(starts.values[i]);
        }
        out.writeInt(data.size);
        for (int i = 0; i < data.size; i++) {
            out.writeInt(data.values[i]);
        }
    }

    /** A string table: the count, the end offset of each string in the blob (after a 0), then the UTF-8 blob. */
    private static void strings(StringIds strings, DataOutputStream out) throws IOException {
        out.writeInt(strings.size());
        int end = 0;
        out.writeInt(end);
        for (int id = 0; id < strings.size(); id++) {
            // Encoded twice rather than held: a lone surrogate becomes '?', so only the encoder knows the length.
            end = Math.addExact(end, strings.get(id).getBytes(StandardCharsets.UTF_8).length);
            out.writeInt(end);
        }
        for (int id = 0; id < strings.size(); id++) {
            out.write(strings.get(id).getBytes(StandardCharsets.UTF_8));
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

    private void entry(IndexEntry e, DataOutputStream out) throws IOException {
        PkgInfo p = e.info();
        out.writeInt(id(p.name()));
        out.writeInt(id(p.version()));
        out.writeInt(id(p.architecture()));
        out.writeInt(id(e.file()));
        out.writeInt(unique(e.fileSha256())); // a package's own hashes: never shared, never looked up
        for (String s : new String[] {p.description(), p.url(), p.license(), p.origin(), p.maintainer()}) {
            out.writeInt(id(s));
        }
        out.writeInt(unique(p.sha256()));
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

    /** A new table index for {@code s}; -1 for null. */
    private int unique(String s) throws IOException {
        return s == null ? -1 : ids.unique(s);
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
