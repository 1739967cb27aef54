package dev.kimigayo.isn.core.archive;

import static dev.kimigayo.isn.core.archive.ReaderFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/** Every refusal of a hostile entry, each with an archive crafted by commons-compress. */
class PackageReaderRefusalTest {

    private static Crafted base() {
        return new Crafted().dir("usr").file("usr/a", "hello\n");
    }

    private static void assertMessage(PackageRejectedException e, String path, String fragment) {
        assertEquals(IsnException.Kind.INTEGRITY, e.kind());
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.isn: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void acceptsTheCraftedBaseline() throws Exception {
        OpenPackage pkg = ReaderFixture.verify(base().symlink("usr/l", "a").build());
        assertEquals(3, pkg.manifest().size());
    }

    @Test
    void refusesAbsolutePath() {
        Crafted c = base();
        c.payload.add(Crafted.Item.file("/etc/passwd", "root::0:0\n"));
        assertMessage(refused(UnsafePathException.class, c.build()), "/etc/passwd", "absolute path");
    }

    @Test
    void refusesDotDot() {
        Crafted c = base();
        c.payload.add(Crafted.Item.file("usr/../../etc/passwd", "x"));
        UnsafePathException e = refused(UnsafePathException.class, c.build());
        assertMessage(e, "usr/../../etc/passwd", "path contains '..'");
        assertEquals("unsafe-path", e.code());
    }

    @Test
    void refusesSymlinkEscapingTheRootListedInTheManifest() {
        UnsafePathException e = refused(UnsafePathException.class, base().symlink("usr/l", "../../etc/shadow").build());
        assertMessage(e, "usr/l", "symlink target escapes the package root: ../../etc/shadow");
    }

    @Test
    void refusesSymlinkEscapingInTheTarOnly() {
        Crafted c = base().symlink("usr/l", "a");
        c.payload.set(2, Crafted.Item.symlink("usr/l", "../../../etc"));
        assertMessage(refused(UnsafePathException.class, c.build()), "usr/l", "escapes the package root: ../../../etc");
    }

    @Test
    void refusesEntryBeneathASymlinkOfThePackage() {
        Crafted c = base().symlink("usr/lib", "/etc").file("usr/lib/cron.d", "* * * * * root evil\n");
        UnsafePathException e = refused(UnsafePathException.class, c.build());
        assertMessage(e, "usr/lib/cron.d", "lies beneath usr/lib, which is a symlink in the same package");
    }

    @Test
    void refusesEntryBeneathAFileOfThePackage() {
        Crafted c = base().file("usr/a/b", "x");
        assertMessage(refused(UnsafePathException.class, c.build()), "usr/a/b", "lies beneath usr/a, which is a file");
    }

    @Test
    void refusesHardlinkToSomethingNotEarlier() {
        Crafted c = base();
        c.manifest.add(ManifestEntry.hardlink("usr/h", c.manifest.get(1)));
        c.payload.add(Crafted.Item.hardlink("usr/h", "etc/passwd"));
        assertMessage(refused(UnsafePathException.class, c.build()), "usr/h",
                "hardlink to etc/passwd, which is not a regular file earlier in the package");
    }

    @Test
    void refusesHardlinkBeforeItsTarget() {
        Crafted c = new Crafted().file("b", "data");
        c.manifest.add(ManifestEntry.hardlink("c", c.manifest.get(0)));
        c.payload.add(0, Crafted.Item.hardlink("c", "b"));
        assertMessage(refused(UnsafePathException.class, c.build()), "c", "hardlink to b, which is not a regular file earlier");
    }

    @Test
    void refusesDuplicatePath() {
        Crafted c = base();
        c.payload.add(Crafted.Item.file("usr/a", "hello\n"));
        DuplicateEntryException e = refused(DuplicateEntryException.class, c.build());
        assertMessage(e, "usr/a", "appears twice");
        assertEquals("duplicate-entry", e.code());
    }

    @Test
    void refusesCharacterDevice() {
        Crafted c = base();
        c.payload.add(new Crafted.Item("usr/null", TarConstants.LF_CHR, 0666, new byte[0], null, 0));
        assertMessage(refused(ForbiddenEntryException.class, c.build()), "usr/null", "device node or FIFO");
    }

    @Test
    void refusesBlockDevice() {
        Crafted c = base();
        c.payload.add(new Crafted.Item("usr/sda", TarConstants.LF_BLK, 0660, new byte[0], null, 0));
        assertMessage(refused(ForbiddenEntryException.class, c.build()), "usr/sda", "device node or FIFO");
    }

    @Test
    void refusesFifo() {
        Crafted c = base();
        c.payload.add(new Crafted.Item("usr/pipe", TarConstants.LF_FIFO, 0644, new byte[0], null, 0));
        assertMessage(refused(ForbiddenEntryException.class, c.build()), "usr/pipe", "device node or FIFO");
    }

    @Test
    void refusesUndeclaredSetuidInTheManifest() {
        Crafted c = base();
        c.manifest.set(1, withMode(c.manifest.get(1), 04755));
        c.payload.set(1, c.payload.get(1).withMode(04755));
        ForbiddenEntryException e = refused(ForbiddenEntryException.class, c.build());
        assertMessage(e, "usr/a", "has mode 4755 but PKGINFO does not declare it in 'setuid'");
        assertEquals("forbidden-entry", e.code());
    }

    @Test
    void refusesUndeclaredSetgidInTheTarOnly() {
        Crafted c = base();
        c.payload.set(1, c.payload.get(1).withMode(02644));
        assertMessage(refused(ForbiddenEntryException.class, c.build()), "usr/a", "has mode 2644 but PKGINFO does not declare");
    }

    @Test
    void acceptsDeclaredSetuid() throws Exception {
        Crafted c = base();
        c.pkginfoExtra = "setuid = usr/a\n";
        c.manifest.set(1, withMode(c.manifest.get(1), 04755));
        c.payload.set(1, c.payload.get(1).withMode(04755));
        assertEquals(04755, ReaderFixture.verify(c.build()).manifest().find("usr/a").orElseThrow().mode());
    }

    @Test
    void refusesEntryNotInManifest() {
        Crafted c = base();
        c.payload.add(Crafted.Item.file("usr/extra", "x"));
        ManifestMismatchException e = refused(ManifestMismatchException.class, c.build());
        assertMessage(e, "usr/extra", "presence does not match the signed manifest");
        assertEquals("not listed", e.expected());
    }

    @Test
    void refusesEntryMissingFromPackage() {
        Crafted c = base();
        c.manifest.add(ManifestEntry.directory("var", 0755));
        ManifestMismatchException e = refused(ManifestMismatchException.class, c.build());
        assertMessage(e, "var", "missing from the package");
        assertEquals("presence", e.field());
    }

    @Test
    void refusesTamperedContent() {
        Crafted c = base();
        c.payload.set(1, c.payload.get(1).withContent("HELLO\n"));
        ManifestMismatchException e = refused(ManifestMismatchException.class, c.build());
        assertMessage(e, "usr/a", "sha256 does not match");
        assertEquals(PackageReader.sha256(Crafted.utf8("hello\n")), e.expected());
        assertEquals(PackageReader.sha256(Crafted.utf8("HELLO\n")), e.actual());
    }

    @Test
    void sinkSeesTheMismatchAtTheEndOfTheContentAndCannotSwallowIt() throws Exception {
        Crafted c = base();
        c.payload.set(1, c.payload.get(1).withContent("HELLO\n"));
        List<String> seen = new java.util.ArrayList<>();
        OpenPackage pkg = new PackageReader(ReaderFixture.ANY).open(new java.io.ByteArrayInputStream(c.build()), "t.isn");
        ManifestMismatchException e = org.junit.jupiter.api.Assertions.assertThrows(ManifestMismatchException.class,
                () -> pkg.extract((entry, content) -> {
                    try {
                        content.readAllBytes();
                    } catch (java.io.IOException swallowed) {
                        seen.add(entry.path() + ": " + swallowed.getMessage());
                    }
                }));
        assertEquals("usr/a", e.path());
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).startsWith("usr/a: t.isn: usr/a: sha256 does not match the signed manifest"), seen.toString());
    }

    @Test
    void refusesResizedContent() {
        Crafted c = base();
        c.payload.set(1, c.payload.get(1).withContent("hello world\n"));
        ManifestMismatchException e = refused(ManifestMismatchException.class, c.build());
        assertEquals("size", e.field());
        assertEquals("6", e.expected());
        assertEquals("12", e.actual());
    }

    @Test
    void refusesChangedModeOwnerAndType() {
        Crafted mode = base();
        mode.payload.set(1, mode.payload.get(1).withMode(0755));
        assertEquals("mode", refused(ManifestMismatchException.class, mode.build()).field());
        Crafted owner = base();
        owner.payload.set(1, owner.payload.get(1).withUid(1000));
        ManifestMismatchException e = refused(ManifestMismatchException.class, owner.build());
        assertEquals(List.of("owner", "0:0", "1000:0"), List.of(e.field(), e.expected(), e.actual()));
        Crafted type = base();
        type.payload.set(0, Crafted.Item.symlink("usr", "/tmp"));
        assertEquals("type", refused(ManifestMismatchException.class, type.build()).field());
    }

    @Test
    void refusesPayloadOutOfOrder() {
        Crafted c = new Crafted().file("b", "1").file("a", "2");
        assertMessage(refused(MalformedPackageException.class, c.build()), "a", "payload out of order: comes after b");
    }

    @Test
    void refusesMetadataEntryInThePayload() {
        Crafted c = base();
        c.payload.add(Crafted.Item.file(PackageLayout.INSTALL, "post_install() { rm -rf /; }"));
        assertMessage(refused(MalformedPackageException.class, c.build()), ".INSTALL", "metadata entry out of place");
    }

    private static ManifestEntry withMode(ManifestEntry e, int mode) {
        return new ManifestEntry(e.path(), e.type(), mode, e.uid(), e.gid(), e.size(), e.sha256(), e.linkTarget());
    }
}
