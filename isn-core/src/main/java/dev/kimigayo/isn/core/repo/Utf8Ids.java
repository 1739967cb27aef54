package dev.kimigayo.isn.core.repo;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Distinct strings to dense ids in first-seen order, like {@link StringIds}, but holding each
 * string only as its UTF-8 bytes in a few 4 MB chunks: the 340,000 distinct strings of the 65k
 * index (11.6 MB of UTF-8, half of them hex hashes) took ~34 MB as {@code String}s, enough to
 * overflow the launcher's 64 MB heap while deriving the cache from a streamed parse. Strings
 * known to be unique to one package (its hashes: {@link #unique}) are not looked up at all and
 * wait in a spool file instead. Written as the cache's string table ({@link #write}).
 */
final class Utf8Ids implements AutoCloseable {

    private static final int CHUNK_BITS = 22; // 4 MB: holds the longest string the parser accepts (1 Mi chars)

    private byte[][] chunks = new byte[1][];
    private int chunkCount;
    private int free; // bytes used in the last chunk
    private int[] start = new int[1024];
    private int[] length = new int[1024];
    private int[] hash = new int[1024];
    private int[] slots = new int[2048];
    private int size;
    private int looked; // ids in slots (the spooled ones are not)
    private final Path spool;
    private final DataOutputStream spooled;

    /** A table whose unique strings wait in {@code spool} (created, and deleted by {@link #close}). */
    Utf8Ids(Path spool) throws IOException {
        this.spool = spool;
        this.spooled = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16));
    }

    /**
     * A new id for {@code s}, which no other package names (a package's own hashes): numbered
     * without a look-up and kept on disk until {@link #write}. Two equal strings given here get
     * two ids of the same text, which a reader cannot tell apart.
     */
    int unique(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        spooled.write(b);
        ensure();
        start[size] = -1;
        length[size] = b.length;
        return size++;
    }

    private void ensure() {
        if (size == start.length) {
            start = Arrays.copyOf(start, size * 2);
            length = Arrays.copyOf(length, size * 2);
            hash = Arrays.copyOf(hash, size * 2);
        }
    }

    /** The id of {@code s}, numbered on first sight. */
    int id(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int h = Arrays.hashCode(b);
        int mask = slots.length - 1;
        int i = (h ^ (h >>> 16)) & mask;
        for (; slots[i] != 0; i = (i + 1) & mask) {
            int id = slots[i] - 1;
            if (hash[id] == h && length[id] == b.length) {
                int at = start[id];
                byte[] chunk = chunks[at >>> CHUNK_BITS];
                int off = at & ((1 << CHUNK_BITS) - 1);
                if (Arrays.equals(chunk, off, off + b.length, b, 0, b.length)) {
                    return id;
                }
            }
        }
        ensure();
        start[size] = append(b);
        length[size] = b.length;
        hash[size] = h;
        slots[i] = ++size;
        if (++looked * 2 > slots.length) {
            grow();
        }
        return size - 1;
    }

    /** How many distinct strings were numbered. */
    int size() {
        return size;
    }

    /** Writes the string table: the count, the end offset of each string (after a 0), then the UTF-8 blob. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(size);
        int end = 0;
        out.writeInt(end);
        for (int id = 0; id < size; id++) {
            end = Math.addExact(end, length[id]);
            out.writeInt(end);
        }
        spooled.close();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(spool), 1 << 16)) {
            byte[] buffer = new byte[1 << 12];
            for (int id = 0; id < size; id++) {
                if (start[id] >= 0) {
                    out.write(chunks[start[id] >>> CHUNK_BITS], start[id] & ((1 << CHUNK_BITS) - 1), length[id]);
                } else {
                    if (buffer.length < length[id]) {
                        buffer = new byte[length[id]];
                    }
                    if (in.readNBytes(buffer, 0, length[id]) != length[id]) {
                        throw new IOException("the spool file " + spool + " changed while in use");
                    }
                    out.write(buffer, 0, length[id]);
                }
            }
            if (in.read() != -1) {
                throw new IOException("the spool file " + spool + " changed while in use");
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            spooled.close();
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private int append(byte[] b) {
        if (chunkCount == 0 || free + b.length > 1 << CHUNK_BITS) {
            if (chunkCount == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunkCount * 2);
            }
            if ((long) (chunkCount + 1) << CHUNK_BITS > Integer.MAX_VALUE) {
                throw new IllegalStateException("more strings than an index may hold");
            }
            chunks[chunkCount++] = new byte[1 << CHUNK_BITS];
            free = 0;
        }
        System.arraycopy(b, 0, chunks[chunkCount - 1], free, b.length);
        int at = ((chunkCount - 1) << CHUNK_BITS) | free;
        free += b.length;
        return at;
    }

    private void grow() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            if (start[id] < 0) {
                continue;
            }
            int i = (hash[id] ^ (hash[id] >>> 16)) & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = id + 1;
        }
    }
}
