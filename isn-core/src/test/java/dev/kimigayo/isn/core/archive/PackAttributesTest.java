package dev.kimigayo.isn.core.archive;

import static dev.kimigayo.isn.core.archive.SourceDirs.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modes and owners travel from the source tree (or PKGATTRS) into the signed manifest exactly. */
class PackAttributesTest {

    @TempDir
    Path tmp;

    private ManifestEntry entry(OpenPackage pkg, String path) {
        return pkg.manifest().find(path).orElseThrow();
    }

    private OpenPackage pack(Path dir) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        PackResult r = new PackageBuilder(OptionalLong.of(0), null).build(dir, out);
        try (InputStream in = Files.newInputStream(r.file())) {
            OpenPackage pkg = new PackageReader(ReaderFixture.ANY).open(in, "t.isn");
            pkg.extract((e, content) -> content.readAllBytes());
            return pkg;
        }
    }

    @Test
    void keepsStickySetgidDirectoryAndTightModes() throws Exception {
        Path dir = tmp.resolve("base");
        write(dir, "PKGINFO", SourceDirs.PKGINFO + "setuid = var/local\n");
        Files.createDirectories(dir.resolve("tmp"));
        Files.createDirectories(dir.resolve("var/local"));
        Files.createDirectories(dir.resolve("root"));
        Path readme = write(dir, "etc/sudoers.d/README", "read me\n");
        SourceDirs.run("chmod", "1777", dir.resolve("tmp").toString());
        SourceDirs.run("chmod", "2775", dir.resolve("var/local").toString());
        SourceDirs.run("chmod", "0700", dir.resolve("root").toString());
        SourceDirs.run("chmod", "0440", readme.toString());
        OpenPackage pkg = pack(dir);
        assertEquals(01777, entry(pkg, "tmp").mode());
        assertEquals(02775, entry(pkg, "var/local").mode());
        assertEquals(0700, entry(pkg, "root").mode());
        assertEquals(0440, entry(pkg, "etc/sudoers.d/README").mode());
    }

    @Test
    void refusesAnUndeclaredSetgidDirectory() throws Exception {
        Path dir = tmp.resolve("sgid");
        write(dir, "PKGINFO", SourceDirs.PKGINFO);
        Files.createDirectories(dir.resolve("var/local"));
        SourceDirs.run("chmod", "2775", dir.resolve("var/local").toString());
        PackSourceException e = assertThrows(PackSourceException.class, () -> pack(dir));
        assertTrue(e.getMessage().contains("(mode 2775); declare it in PKGINFO 'setuid'"), e.getMessage());
    }

    @Test
    void pkgattrsDeclaresOwnersAndModesAndIsNotShipped() throws Exception {
        Path dir = tmp.resolve("declared");
        write(dir, "PKGINFO", SourceDirs.PKGINFO + "setuid = usr/bin/sudo sbin/unix_chkpwd\n");
        write(dir, "usr/bin/sudo", "sudo");
        write(dir, "sbin/unix_chkpwd", "chk");
        Files.createSymbolicLink(dir.resolve("sbin/chk"), Path.of("unix_chkpwd"));
        write(dir, "PKGATTRS", "# mode uid gid path\n4755 0 0 usr/bin/sudo\n2755 - 42 sbin/unix_chkpwd\n- 0 42 sbin/chk\n");
        OpenPackage pkg = pack(dir);
        assertEquals(04755, entry(pkg, "usr/bin/sudo").mode());
        ManifestEntry chk = entry(pkg, "sbin/unix_chkpwd");
        assertEquals(02755, chk.mode());
        assertEquals(42, chk.gid());
        assertEquals(42, entry(pkg, "sbin/chk").gid());
        assertTrue(pkg.manifest().find("PKGATTRS").isEmpty(), "PKGATTRS is not payload");
    }

    @Test
    void pkgattrsErrorsNameTheLine() throws Exception {
        Path dir = tmp.resolve("bad");
        write(dir, "PKGINFO", SourceDirs.PKGINFO);
        write(dir, "a", "a");
        write(dir, "PKGATTRS", "0644 root 0 a\n");
        PackSourceException e = assertThrows(PackSourceException.class, () -> pack(dir));
        assertTrue(e.getMessage().contains("PKGATTRS line 1: expected 'MODE UID GID PATH'"), e.getMessage());
        write(dir, "PKGATTRS", "0644 0 0 missing\n");
        e = assertThrows(PackSourceException.class, () -> pack(dir));
        assertTrue(e.getMessage().contains("declares attributes of missing, which is not in the package directory"), e.getMessage());
        write(dir, "PKGATTRS", "4755 0 0 a\n");
        e = assertThrows(PackSourceException.class, () -> pack(dir));
        assertTrue(e.getMessage().contains("declare it in PKGINFO 'setuid'"), e.getMessage());
    }

    @Test
    void recordsRealOwnersWhenPackingAsRoot() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name"))
                || !"true".equals(System.getenv("CI")), "packing as root needs root");
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "not root");
        Path dir = tmp.resolve("owned");
        write(dir, "PKGINFO", SourceDirs.PKGINFO);
        Path shadow = write(dir, "etc/shadow", "x");
        SourceDirs.run("chown", "0:42", shadow.toString());
        SourceDirs.run("chmod", "0640", shadow.toString());
        ManifestEntry e = entry(pack(dir), "etc/shadow");
        assertEquals(0640, e.mode());
        assertEquals(0, e.uid());
        assertEquals(42, e.gid());
    }

    @Test
    void refusesAPkginfoThatWouldOutgrowTheLimitOnceWritten() throws Exception {
        Path dir = tmp.resolve("big");
        StringBuilder info = new StringBuilder(SourceDirs.PKGINFO);
        while (info.length() < PackageLayout.MAX_PKGINFO - 40) {
            info.append("provides = a-rather-long-virtual-name-").append(info.length()).append('\n');
        }
        write(dir, "PKGINFO", info.toString());
        assertTrue(Files.size(dir.resolve("PKGINFO")) <= PackageLayout.MAX_PKGINFO);
        PackSourceException e = assertThrows(PackSourceException.class, () -> pack(dir));
        assertTrue(e.getMessage().contains("the PKGINFO isn pack writes would be"), e.getMessage());
        assertEquals(0, Files.list(tmp.resolve("out")).count(), "nothing left behind");
    }
}
