package dev.kimigayo.isn.core.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Crafts package files with commons-compress, an implementation independent of isn's writer,
 * so the reader's refusals are tested against archives isn itself would never produce.
 */
final class Crafted {

    /** One tar entry to write: name, typeflag, mode, content, link target. */
    record Item(String name, byte type, int mode, byte[] content, String link, long uid) {
        static Item file(String name, String content) {
            return new Item(name, TarConstants.LF_NORMAL, 0644, utf8(content), null, 0);
        }

        static Item dir(String name) {
            return new Item(name, TarConstants.LF_DIR, 0755, new byte[0], null, 0);
        }

        static Item symlink(String name, String target) {
            return new Item(name, TarConstants.LF_SYMLINK, 0777, new byte[0], target, 0);
        }

        static Item hardlink(String name, String target) {
            return new Item(name, TarConstants.LF_LINK, 0644, new byte[0], target, 0);
        }

        Item withMode(int m) {
            return new Item(name, type, m, content, link, uid);
        }

        Item withType(byte t) {
            return new Item(name, t, mode, content, link, uid);
        }

        Item withContent(String c) {
            return new Item(name, type, mode, utf8(c), link, uid);
        }

        Item withUid(long u) {
            return new Item(name, type, mode, content, link, u);
        }
    }

    final List<ManifestEntry> manifest = new ArrayList<>();
    final List<Item> payload = new ArrayList<>();
    String pkginfoExtra = "";
    String signature;

    /** Adds a file to both the manifest and the payload. */
    Crafted file(String path, String content) {
        manifest.add(ManifestEntry.file(path, 0644, utf8(content).length, PackageReader.sha256(utf8(content))));
        payload.add(Item.file(path, content));
        return this;
    }

    /** Adds a directory to both. */
    Crafted dir(String path) {
        manifest.add(ManifestEntry.directory(path, 0755));
        payload.add(Item.dir(path));
        return this;
    }

    /** Adds a symlink to both. */
    Crafted symlink(String path, String target) {
        manifest.add(ManifestEntry.symlink(path, target));
        payload.add(Item.symlink(path, target));
        return this;
    }

    /** The manifest text. */
    byte[] manifestBytes() {
        List<ManifestEntry> sorted = new ArrayList<>(manifest);
        sorted.sort((a, b) -> EntryPaths.ORDER.compare(a.path(), b.path()));
        return new Manifest(sorted).encode();
    }

    /** PKGINFO consistent with the manifest. */
    byte[] pkginfo() {
        byte[] m = manifestBytes();
        long size = 0;
        for (ManifestEntry e : manifest) {
            size += e.type() == EntryType.FILE ? e.size() : 0;
        }
        return utf8("name = crafted\nversion = 1.0-r0\narchitecture = noarch\nsize = " + size
                + "\nsha256 = " + PackageReader.sha256(m) + "\n" + pkginfoExtra);
    }

    /** The standard leading entries followed by the payload. */
    List<Item> items() {
        List<Item> all = new ArrayList<>();
        if (signature != null) {
            all.add(Item.file(PackageLayout.SIGNATURE, signature));
        }
        all.add(new Item(PackageLayout.PKGINFO, TarConstants.LF_NORMAL, 0644, pkginfo(), null, 0));
        all.add(new Item(PackageLayout.MANIFEST, TarConstants.LF_NORMAL, 0644, manifestBytes(), null, 0));
        all.addAll(payload);
        return all;
    }

    /** The package file. */
    byte[] build() {
        return gzip(tar(items()));
    }

    static byte[] tar(List<Item> items) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Item item : items) {
                TarArchiveEntry e = new TarArchiveEntry(item.name(), item.type(), true);
                e.setMode(item.mode());
                e.setUserId(item.uid());
                e.setGroupId(0);
                e.setUserName("root");
                e.setGroupName("root");
                e.setModTime(0);
                if (item.link() != null) {
                    e.setLinkName(item.link());
                }
                if (item.content().length > 0) {
                    e.setSize(item.content().length);
                }
                tar.putArchiveEntry(e);
                tar.write(item.content());
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Compresses with commons-compress, setting the header fields isn requires (mtime 0, OS 3). */
    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = gzipStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static OutputStream gzipStream(OutputStream out) throws IOException {
        GzipParameters p = new GzipParameters();
        p.setModificationTime(0);
        p.setOperatingSystem(3);
        return new GzipCompressorOutputStream(out, p);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
