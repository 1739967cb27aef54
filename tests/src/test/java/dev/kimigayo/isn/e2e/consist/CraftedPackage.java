package dev.kimigayo.isn.e2e.consist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import dev.kimigayo.isn.crypto.KeyFiles;

/**
 * A validly signed package written byte by byte with commons-compress (not isn's writer), so it
 * can hold what {@code isn pack} refuses: control or bidirectional characters in names, a
 * conflict with itself. Signed with a trusted key: only isn's own checks stand in the way.
 */
final class CraftedPackage {

    private record Item(String path, char type, String content, String target) {
    }

    private final String name;
    private final String version;
    private final List<String> extraPkginfo = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();

    CraftedPackage(String name, String version) {
        this.name = name;
        this.version = version;
    }

    CraftedPackage pkginfo(String line) {
        extraPkginfo.add(line);
        return this;
    }

    CraftedPackage dir(String path) {
        items.add(new Item(path, 'd', "", null));
        return this;
    }

    CraftedPackage file(String path, String content) {
        items.add(new Item(path, 'f', content, null));
        return this;
    }

    CraftedPackage symlink(String path, String target) {
        items.add(new Item(path, 'l', "", target));
        return this;
    }

    /** Writes the package, signed with the secret key file {@code sec}, to {@code file}. */
    Path write(Path file, Path sec) throws Exception {
        items.sort((a, b) -> a.path().compareTo(b.path()));
        StringBuilder manifest = new StringBuilder("isn-manifest 1\n");
        long size = 0;
        for (Item i : items) {
            byte[] c = utf8(i.content());
            size += c.length;
            manifest.append(i.type()).append('\t').append(i.type() == 'l' ? "0777" : i.type() == 'd' ? "0755" : "0644")
                    .append("\t0\t0\t").append(c.length).append('\t').append(i.type() == 'f' ? sha256(c) : "-")
                    .append('\t').append(i.path());
            if (i.target() != null) {
                manifest.append('\t').append(i.target());
            }
            manifest.append('\n');
        }
        byte[] m = utf8(manifest.toString());
        StringBuilder info = new StringBuilder("name = " + name + "\nversion = " + version
                + "\narchitecture = noarch\nbuild_date = 0\nsize = " + size + "\nsha256 = " + sha256(m) + "\n");
        extraPkginfo.forEach(l -> info.append(l).append('\n'));
        byte[] pkginfo = utf8(info.toString());
        byte[] sig = KeyFiles.readSecret(sec).sign(pkginfo).encode();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GzipParameters p = new GzipParameters();
        p.setModificationTime(0);
        p.setOperatingSystem(3);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes, p), "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            put(tar, ".PKGINFO.ed25519", TarConstants.LF_NORMAL, 0644, sig, null);
            put(tar, "PKGINFO", TarConstants.LF_NORMAL, 0644, pkginfo, null);
            put(tar, ".MANIFEST", TarConstants.LF_NORMAL, 0644, m, null);
            for (Item i : items) {
                byte type = i.type() == 'd' ? TarConstants.LF_DIR : i.type() == 'l' ? TarConstants.LF_SYMLINK
                        : TarConstants.LF_NORMAL;
                put(tar, i.path(), type, i.type() == 'l' ? 0777 : i.type() == 'd' ? 0755 : 0644, utf8(i.content()),
                        i.target());
            }
        }
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static void put(TarArchiveOutputStream tar, String path, byte type, int mode, byte[] content, String link)
            throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(path, type, true);
        e.setMode(mode);
        e.setUserId(0);
        e.setGroupId(0);
        e.setUserName("root");
        e.setGroupName("root");
        e.setModTime(0);
        if (link != null) {
            e.setLinkName(link);
        }
        if (content.length > 0) {
            e.setSize(content.length);
        }
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
