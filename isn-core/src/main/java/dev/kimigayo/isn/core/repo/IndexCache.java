package dev.kimigayo.isn.core.repo;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;


import dev.kimigayo.isn.crypto.CountingInputStream;

/**
 * The derived, compact binary form of a verified index ({@code index.bin} beside the cached
 * {@code index.json}), so that commands after {@code isn update} neither parse 32 MB of JSON nor
 * hold it. It is never a second source of trust: a cache is used only when its header names the
 * SHA-256 of the very index and signature files now present and the same trusted keys
 * ({@link Binding}), and when its HMAC under the root's {@link IndexCacheSecret} matches; anything
 * else (absent, stale, truncated, tampered, another format) reads as "no cache" and the caller
 * verifies and parses the index again. Layout: docs/format-index.md#the-derived-cache.
 */
public final class IndexCache {

    /** The cache file's name beside the cached index. */
    public static final String FILE = "index.bin";
    static final byte[] MAGIC = "ISNIXC03".getBytes(StandardCharsets.US_ASCII);
    static final int MAC_SIZE = 32;

    private IndexCache() {
    }

    /**
     * What a cache was derived from: the SHA-256 (hex) of the index file and of its signature file,
     * and a fingerprint of the trusted keys that accepted them ({@link #trustOf}).
     */
    public record Binding(String indexSha256, String signatureSha256, String trustSha256) {

        // Written out: a record's generated equals and hashCode are bound through method handles
        // on first use, which spins classes at run time (see RepositoryInfo).
        @Override
        public boolean equals(Object other) {
            return other == this || other instanceof Binding o
                    && java.util.Objects.equals(indexSha256, o.indexSha256)
                    && java.util.Objects.equals(signatureSha256, o.signatureSha256)
                    && java.util.Objects.equals(trustSha256, o.trustSha256);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(indexSha256, signatureSha256, trustSha256);
        }
    }

    /** Writes the cache of {@code index} to {@code file} (atomically: a reader sees the old file or the new one). */
    public static void write(Path file, RepoIndex index, Binding binding, IndexCacheSecret secret) throws IOException {
        try (Writer w = new Writer(file, secret)) {
            for (IndexEntry e : index.packages()) {
                w.add(e);
            }
            w.finish(binding, index);
        }
    }

    /**
     * Derives a cache from packages given one at a time (a streamed parse), so that they are never
     * held together: their records wait in a scratch file beside the cache, deleted on close.
     * Nothing replaces {@code file} before {@link #finish}; a writer closed before that leaves it as it was.
     */
    static final class Writer implements AutoCloseable {
        private final Path file;
        private final Path tmp;
        private final IndexCacheSecret secret;
        private final IndexCacheEncoder encoder;

        Writer(Path file, IndexCacheSecret secret) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String base = file.getFileName() + "." + ProcessHandle.current().pid();
            this.file = file;
            this.tmp = file.resolveSibling(base + ".tmp");
            this.secret = secret;
            this.encoder = new IndexCacheEncoder(file.resolveSibling(base + ".records"));
        }

        /** Adds the next package; false if its file is one an earlier package named. */
        boolean add(IndexEntry e) throws IOException {
            return encoder.add(e);
        }

        /** Writes the cache of the packages added, with {@code top}'s top-level fields (its packages are ignored), bound to {@code binding}. */
        void finish(Binding binding, RepoIndex top) throws IOException {
            HmacSha256 mac = secret.mac();
            try (OutputStream raw = Files.newOutputStream(tmp)) {
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new MacOutputStream(raw, mac), 1 << 16));
                out.write(MAGIC);
                for (String s : new String[] {binding.indexSha256(), binding.signatureSha256(), binding.trustSha256()}) {
                    out.writeUTF(s);
                }
                encoder.finish(top.formatVersion(), top.repository(), top.serial(), top.generated(), top.expires(), out);
                out.flush();
                raw.write(mac.doFinal());
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void close() throws IOException {
            try {
                encoder.close();
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * The index cached in {@code file} if it is intact and derived from {@code binding}; empty
     * otherwise. One streamed pass reads the header and the relations (what a planner needs first)
     * and checks the HMAC over the whole file; nothing it read is used unless that holds. The
     * packages are decoded on first use, streamed again and used only if the file still carries
     * the very MAC accepted here, so the file's bytes are never held whole.
     */
    public static Optional<RepoIndex> read(Path file, Binding binding, IndexCacheSecret secret) {
        try {
            long size = Files.isRegularFile(file) ? Files.size(file) : -1;
            if (size < MAGIC.length + MAC_SIZE || size > IndexJsonParser.MAX_SIZE) {
                return Optional.empty();
            }
            try (Body body = new Body(file, size, secret)) {
                DataInputStream in = body.data();
                byte[] magic = in.readNBytes(MAGIC.length);
                if (!Arrays.equals(magic, MAGIC)) {
                    return Optional.empty();
                }
                Binding made = new Binding(in.readUTF(), in.readUTF(), in.readUTF());
                if (!made.equals(binding)) {
                    return Optional.empty();
                }
                IndexCacheDecoder.Header header = IndexCacheDecoder.header(in);
                IndexRelations relations = IndexCacheDecoder.relations(in, header.packageCount());
                byte[] tag = body.authenticTag();
                if (tag == null) {
                    return Optional.empty();
                }
                return Optional.of(header.index(new Source(file, size, secret, binding, header, tag), relations));
            }
        } catch (IOException | RuntimeException e) {
            // Absent, truncated, or authentic but unreadable (another layout): re-derive.
            return Optional.empty();
        }
    }

    /**
     * The packages of a cache accepted by {@link #read}, streamed again and used only if the file
     * still carries the MAC accepted then (and it holds, and the binding and header are the same):
     * a file replaced since, even by another authentic cache, is refused.
     */
    private record Source(Path file, long size, IndexCacheSecret secret, Binding binding,
            IndexCacheDecoder.Header header, byte[] tag) implements LazyIndexEntries.Source {

        @Override
        public java.util.List<IndexEntry> decode(int[] wanted) {
            return read(in -> {
                IndexCacheDecoder.skipRelations(in, header.packageCount());
                return IndexCacheDecoder.packages(in, header.packageCount(), wanted);
            });
        }

        private <T> T read(Section<T> section) {
            try (Body body = new Body(file, size, secret)) {
                DataInputStream in = body.data();
                boolean same = Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)
                        && new Binding(in.readUTF(), in.readUTF(), in.readUTF()).equals(binding)
                        && IndexCacheDecoder.header(in).equals(header);
                T value = same ? section.read(in) : null;
                byte[] now = same ? body.authenticTag() : null;
                if (now == null || !MessageDigest.isEqual(now, tag)) {
                    throw new IllegalStateException("the index cache " + file + " changed while it was in use");
                }
                return value;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read the index cache " + file, e);
            }
        }
    }

    /** Reads one part of a cache body. */
    private interface Section<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** A cache file's body (all but the trailing MAC) streamed through the MAC, then the MAC compared. */
    private static final class Body implements AutoCloseable {
        private final InputStream file;
        private final HmacSha256 mac;
        private final DataInputStream data;

        Body(Path path, long size, IndexCacheSecret secret) throws IOException {
            this.file = Files.newInputStream(path);
            this.mac = secret.mac();
            // The buffer sits above the MAC: it is fed 64 KB at a time, not one readInt's 4 bytes
            // (5 million Mac.update calls for the 65k cache took most of a dry run's time).
            this.data = new DataInputStream(new java.io.BufferedInputStream(
                    new BoundedMacInputStream(file, size - MAC_SIZE, mac), 1 << 16));
        }

        DataInputStream data() {
            return data;
        }

        /**
         * Reads the rest of the body and compares its MAC with the file's: the MAC if they match,
         * null if not (also for a file of another size).
         */
        byte[] authenticTag() throws IOException {
            data.transferTo(java.io.OutputStream.nullOutputStream());
            byte[] expected = file.readNBytes(MAC_SIZE);
            boolean ok = expected.length == MAC_SIZE && file.read() == -1 && MessageDigest.isEqual(mac.doFinal(), expected);
            return ok ? expected : null;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    /** The SHA-256 (hex) of {@code data}. */
    public static String sha256(byte[] data) {
        return java.util.HexFormat.of().formatHex(digest().digest(data));
    }

    /** The SHA-256 (hex) of a file, streamed. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) != -1; ) {
                md.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    /**
     * A fingerprint of the trusted keys folder: every regular file's name and content, in name
     * order. Adding or removing a key makes every cache stale, so a revoked key is never trusted
     * through a cache it once made valid.
     */
    public static String trustOf(Path keysDir) throws IOException {
        MessageDigest md = digest();
        if (Files.isDirectory(keysDir)) {
            try (var files = Files.list(keysDir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                    byte[] content = Files.readAllBytes(f);
                    md.update(ByteBuffer.allocate(8).putLong(content.length).array());
                    md.update(content);
                }
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * The first {@code limit} bytes of a stream, fed to a MAC as they are read; the counting,
     * the reads of skipped bytes and the refusal of mark/reset are those of every hashing stream.
     */
    private static final class BoundedMacInputStream extends CountingInputStream {
        private final HmacSha256 mac;
        private final long limit;

        BoundedMacInputStream(InputStream in, long limit, HmacSha256 mac) {
            super(in);
            this.mac = mac;
            this.limit = limit;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // The MAC trails the body: what lies past the limit is for the caller, never the MAC.
            return count() >= limit ? -1 : super.read(b, off, len);
        }

        @Override
        protected int request(int len) {
            return (int) Math.min(len, limit - count());
        }

        @Override
        protected void received(byte[] b, int off, int n) {
            mac.update(b, off, n);
        }

        @Override
        public int available() {
            return 0; // the underlying stream's count would include the MAC past the limit
        }
    }

    /** Feeds everything written through it to a MAC. */
    private static final class MacOutputStream extends java.io.FilterOutputStream {
        private final HmacSha256 mac;

        MacOutputStream(OutputStream out, HmacSha256 mac) {
            super(out);
            this.mac = mac;
        }

        @Override
        public void write(int b) throws IOException {
            mac.update((byte) b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            mac.update(b, off, len);
            out.write(b, off, len);
        }
    }
}
