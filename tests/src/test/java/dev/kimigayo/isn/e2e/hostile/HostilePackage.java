package dev.kimigayo.isn.e2e.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import dev.kimigayo.isn.core.archive.EntryType;
import dev.kimigayo.isn.core.archive.Manifest;
import dev.kimigayo.isn.core.archive.ManifestEntry;
import dev.kimigayo.isn.core.archive.PackageSigner;
import dev.kimigayo.isn.crypto.KeyFiles;
import dev.kimigayo.isn.crypto.Sha256;

/**
 * A package written byte by byte (commons-compress tar and gzip, not isn's writer) and validly
 * signed with a trusted key, carrying what {@code isn pack} would refuse to write: the signature
 * passes, so only isn's own checks stand between the payload and the root.
 */
final class HostilePackage {

    private final String name;
    private final List<ManifestEntry> manifest = new ArrayList<>();
    private final List<byte[]> contents = new ArrayList<>();

    HostilePackage(String name) {
        this.name = name;
    }

    /** Adds a directory. */
    HostilePackage dir(String path) {
        manifest.add(ManifestEntry.directory(path, 0755));
        contents.add(new byte[0]);
        return this;
    }

    /** Adds a regular file. */
    HostilePackage file(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        manifest.add(ManifestEntry.file(path, 0644, bytes.length, Sha256.hex(Sha256.newDigest().digest(bytes))));
        contents.add(bytes);
        return this;
    }

    /** Adds a file whose signed size is {@code size} but whose payload is never written (refused before). */
    HostilePackage claimedFile(String path, long size) {
        manifest.add(ManifestEntry.file(path, 0644, size, "0".repeat(64)));
        contents.add(null);
        return this;
    }

    /** Writes the signed package to {@code out} and returns its path. */
    Path write(Path dir, Path secretKey) throws Exception {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < manifest.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> compare(manifest.get(a).path(), manifest.get(b).path()));
        List<ManifestEntry> sorted = order.stream().map(manifest::get).toList();
        byte[] manifestBytes = new Manifest(sorted).encode();
        long size = sorted.stream().filter(e -> e.type() == EntryType.FILE).mapToLong(ManifestEntry::size).sum();
        byte[] pkginfo = ("name = " + name + "\nversion = 1.0-r0\narchitecture = noarch\ndescription = hostile\n"
                + "size = " + size + "\nsha256 = " + Sha256.hex(Sha256.newDigest().digest(manifestBytes)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] signature = PackageSigner.with(KeyFiles.readSecret(secretKey)).sign(pkginfo);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GzipParameters p = new GzipParameters();
        p.setModificationTime(0);
        p.setOperatingSystem(3);
        try (OutputStream gz = new GzipCompressorOutputStream(bytes, p);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            put(tar, ".PKGINFO.ed25519", TarConstants.LF_NORMAL, 0644, signature);
            put(tar, "PKGINFO", TarConstants.LF_NORMAL, 0644, pkginfo);
            put(tar, ".MANIFEST", TarConstants.LF_NORMAL, 0644, manifestBytes);
            for (int i : order) {
                ManifestEntry e = manifest.get(i);
                if (contents.get(i) == null) {
                    break;
                }
                put(tar, e.path(), e.type() == EntryType.DIRECTORY ? TarConstants.LF_DIR : TarConstants.LF_NORMAL,
                        e.mode(), contents.get(i));
            }
            tar.finish();
        }
        Path out = dir.resolve(name + "-1.0-r0.isn");
        Files.createDirectories(dir);
        Files.write(out, bytes.toByteArray());
        return out;
    }

    private static void put(TarArchiveOutputStream tar, String path, byte type, int mode, byte[] content)
            throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(path, type, true);
        e.setMode(mode);
        e.setUserName("root");
        e.setGroupName("root");
        e.setModTime(0);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    /** Code point order, the order isn requires of manifests and payloads. */
    private static int compare(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
