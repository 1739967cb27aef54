package dev.kimigayo.isn.core.archive;

import static dev.kimigayo.isn.core.archive.ReaderFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.io.OutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/** Refusals of malformed, truncated, padded and oversized streams. */
class PackageStreamRefusalTest {

    private static Crafted base() {
        return new Crafted().dir("usr").file("usr/a", "hello\n");
    }

    private static void assertContains(Exception e, String fragment) {
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void refusesBadHeaderChecksum() {
        byte[] tar = Crafted.tar(base().items());
        int payloadHeader = indexOf(tar, "usr/a");
        tar[payloadHeader + 4] = 'b';
        MalformedPackageException e = refused(MalformedPackageException.class, Crafted.gzip(tar));
        assertContains(e, "bad header checksum");
        assertEquals("malformed-package", e.code());
    }

    @Test
    void refusesOversizePaxHeader() {
        Crafted c = base();
        String record = "70012 path=" + "x".repeat(70_000) + "\n";
        c.payload.add(new Crafted.Item("././@PaxHeader", TarConstants.LF_PAX_EXTENDED_HEADER_LC, 0644,
                Crafted.utf8(record), null, 0));
        c.payload.add(Crafted.Item.file("usr/b", "x"));
        assertContains(refused(MalformedPackageException.class, c.build()), "oversize pax header (70012 bytes)");
    }

    @Test
    void refusesUnsupportedPaxKey() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry e = new TarArchiveEntry(PackageLayout.PKGINFO);
            e.addPaxHeader("comment", "hidden");
            e.setSize(0);
            tar.putArchiveEntry(e);
            tar.closeArchiveEntry();
        }
        assertContains(refused(MalformedPackageException.class, Crafted.gzip(bytes.toByteArray())), "unsupported key 'comment'");
    }

    @Test
    void refusesGnuHeaders() {
        List<Crafted.Item> items = base().items();
        items.add(0, new Crafted.Item("././@LongLink", TarConstants.LF_GNUTYPE_LONGNAME, 0644, Crafted.utf8("x"), null, 0));
        assertContains(refused(MalformedPackageException.class, Crafted.gzip(Crafted.tar(items))),
                "not a POSIX ustar header (magic 'ustar  \\x00')");
    }

    @Test
    void refusesUnsupportedEntryType() {
        byte[] tar = Crafted.tar(base().items());
        int header = indexOf(tar, "usr/a");
        tar[header + TarFormat.TYPEFLAG] = '7';
        fixChecksum(tar, header);
        assertContains(refused(MalformedPackageException.class, Crafted.gzip(tar)), "unsupported tar entry type '7'");
    }

    @Test
    void refusesOversizeMetadataEntry() {
        Crafted c = base();
        c.pkginfoExtra = "description = " + "x".repeat(300_000) + "\n";
        MalformedPackageException e = refused(MalformedPackageException.class, c.build());
        assertEquals("PKGINFO", e.path());
        assertContains(e, "oversize entry");
    }

    @Test
    void refusesTruncatedGzip() {
        byte[] pkg = base().build();
        TruncatedPackageException e = refused(TruncatedPackageException.class, Arrays.copyOf(pkg, pkg.length / 2));
        assertContains(e, "the compressed stream ends early");
        assertEquals("truncated-package", e.code());
    }

    @Test
    void refusesTarWithoutEndMarker() {
        byte[] tar = Crafted.tar(base().items());
        int end = indexOf(tar, "usr/a") + 1024;
        assertContains(refused(TruncatedPackageException.class, Crafted.gzip(Arrays.copyOf(tar, end))),
                "without an end-of-archive marker");
    }

    @Test
    void refusesGarbageAfterTheTarEnd() {
        byte[] garbage = new byte[512];
        garbage[100] = 'X';
        TrailingDataException e = refused(TrailingDataException.class,
                Crafted.gzip(concat(Crafted.tar(base().items()), garbage)));
        assertContains(e, "non-zero data after the end-of-archive marker");
        assertEquals("trailing-data", e.code());
    }

    @Test
    void refusesDataAfterTheGzipStream() {
        assertContains(refused(TrailingDataException.class, concat(base().build(), Crafted.utf8("#!/bin/sh\n"))),
                "data follows the end of the gzip stream");
    }

    @Test
    void refusesConcatenatedGzipMember() {
        assertContains(refused(TrailingDataException.class, concat(base().build(), Crafted.gzip(new byte[1024]))),
                "data follows the end of the gzip stream");
    }

    @Test
    void refusesGzipBombOfZeroPadding() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = Crafted.gzipStream(bytes)) {
            gz.write(Crafted.tar(base().items()));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);
            }
        }
        PackageTooLargeException e = refused(PackageTooLargeException.class, bytes.toByteArray());
        assertContains(e, "more than the signed manifest allows");
        assertTrue(e.limit() < 1 << 20, "limit " + e.limit());
    }

    @Test
    void refusesMetadataOutOfOrder() {
        List<Crafted.Item> items = base().items();
        items.add(0, items.remove(1));
        MalformedPackageException e = refused(MalformedPackageException.class, Crafted.gzip(Crafted.tar(items)));
        assertEquals(".MANIFEST", e.path());
        assertContains(e, "found where PKGINFO was expected");
    }

    @Test
    void refusesPayloadBeforeManifest() {
        List<Crafted.Item> items = base().items();
        items.add(1, items.remove(2));
        assertContains(refused(MalformedPackageException.class, Crafted.gzip(Crafted.tar(items))), "found where .MANIFEST was expected");
    }

    @Test
    void refusesSignatureAfterPkginfo() {
        List<Crafted.Item> items = base().items();
        items.add(1, Crafted.Item.file(PackageLayout.SIGNATURE, "sig"));
        MalformedPackageException e = refused(MalformedPackageException.class, Crafted.gzip(Crafted.tar(items)));
        assertEquals(PackageLayout.SIGNATURE, e.path());
    }

    @Test
    void refusesManifestNotMatchingPkginfoHash() {
        Crafted c = base();
        List<Crafted.Item> items = c.items();
        byte[] forged = new Manifest(List.of(ManifestEntry.directory("usr", 0755))).encode();
        items.set(1, new Crafted.Item(PackageLayout.MANIFEST, TarConstants.LF_NORMAL, 0644, forged, null, 0));
        ManifestMismatchException e = refused(ManifestMismatchException.class, Crafted.gzip(Crafted.tar(items)));
        assertEquals(List.of(".MANIFEST", "sha256", PackageReader.sha256(c.manifestBytes()), PackageReader.sha256(forged)),
                List.of(e.path(), e.field(), e.expected(), e.actual()));
    }

    @Test
    void refusesSizeNotMatchingManifest() {
        Crafted c = base();
        c.pkginfoExtra = "size = 1\n";
        byte[] bad = Crafted.utf8(new String(c.build().length > 0 ? c.pkginfo() : null, java.nio.charset.StandardCharsets.UTF_8)
                .replace("size = 6\n", ""));
        List<Crafted.Item> items = c.items();
        items.set(0, new Crafted.Item(PackageLayout.PKGINFO, TarConstants.LF_NORMAL, 0644, bad, null, 0));
        ManifestMismatchException e = refused(ManifestMismatchException.class, Crafted.gzip(Crafted.tar(items)));
        assertEquals(List.of("size", "6", "1"), List.of(e.field(), e.expected(), e.actual()));
    }

    @Test
    void refusesMalformedPkginfo() {
        Crafted c = base();
        c.pkginfoExtra = "depends = Bad/Name\n";
        MalformedPackageException e = refused(MalformedPackageException.class, c.build());
        assertEquals("PKGINFO", e.path());
        assertContains(e, "t.isn: PKGINFO: line 6: ");
    }

    @Test
    void refusesPkginfoWithoutManifestHash() {
        List<Crafted.Item> items = base().items();
        items.set(0, Crafted.Item.file(PackageLayout.PKGINFO, "name = x\nversion = 1\narchitecture = noarch\n"));
        assertContains(refused(MalformedPackageException.class, Crafted.gzip(Crafted.tar(items))), "has no sha256 key");
    }

    @Test
    void refusesNonGzipFile() {
        assertContains(refused(MalformedPackageException.class, Crafted.tar(base().items())), "not a gzip file");
    }

    @Test
    void refusesForeignGzipHeader() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(Crafted.tar(base().items()));
        }
        byte[] pkg = bytes.toByteArray();
        pkg[9] = 0;
        assertContains(refused(MalformedPackageException.class, pkg),
                "gzip header 1f8b0800000000000000 differs from the fixed header of isn packages (1f8b0800000000000003)");
    }

    @Test
    void refusesEmptyFile() {
        assertContains(refused(TruncatedPackageException.class, new byte[0]), "the file is empty");
    }

    @Test
    void refusesBinaryNumericField() {
        byte[] tar = Crafted.tar(base().items());
        int header = indexOf(tar, "usr/a");
        tar[header + TarFormat.SIZE] = (byte) 0x80;
        fixChecksum(tar, header);
        assertContains(refused(MalformedPackageException.class, Crafted.gzip(tar)), "binary (base-256) size field");
    }

    private static void fixChecksum(byte[] tar, int header) {
        byte[] block = Arrays.copyOfRange(tar, header, header + 512);
        TarFormat.putOctal(block, TarFormat.CHECKSUM, 7, TarFormat.checksum(block));
        System.arraycopy(block, 0, tar, header, 512);
    }

    private static int indexOf(byte[] data, String name) {
        byte[] needle = Crafted.utf8(name + "\0");
        for (int i = 0; i < data.length; i += 512) {
            if (Arrays.equals(Arrays.copyOfRange(data, i, i + needle.length), needle)) {
                return i;
            }
        }
        throw new AssertionError(name + " not found");
    }
}
