package dev.kimigayo.isn.core.archive;

import static dev.kimigayo.isn.core.archive.SourceDirs.chmod;
import static dev.kimigayo.isn.core.archive.SourceDirs.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageBuilderTest {

    @TempDir
    Path tmp;

    private Path source() throws Exception {
        Path dir = tmp.resolve("src");
        write(dir, "PKGINFO", SourceDirs.PKGINFO);
        write(dir, ".INSTALL", "post_install() { :; }\n");
        chmod(write(dir, "usr/bin/demo", "#!/bin/sh\necho demo\n"), "rwxr-x---");
        write(dir, "usr/share/demo/" + "long-".repeat(30) + "name.txt", "long\n");
        Files.createSymbolicLink(dir.resolve("usr/bin/demo-link"), Path.of("demo"));
        Files.createLink(dir.resolve("usr/bin/demo2"), dir.resolve("usr/bin/demo"));
        chmod(Files.createDirectories(dir.resolve("var/empty")), "rwxr-xr-x");
        return dir;
    }

    private PackResult build(Path dir, long epoch) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out-" + dir.getFileName()));
        return new PackageBuilder(java.util.OptionalLong.of(epoch), null).build(dir, out);
    }

    @Test
    void packsPayloadThatTheReaderVerifies() throws Exception {
        PackResult result = build(source(), 0);
        assertEquals("demo-1.2-r0.isn", result.file().getFileName().toString());
        assertEquals(20 + 5, result.installedSize(), "the hardlink counts once, .INSTALL not at all");
        Map<String, String> seen = new LinkedHashMap<>();
        OpenPackage pkg;
        try (InputStream in = Files.newInputStream(result.file())) {
            pkg = new PackageReader(ReaderFixture.ANY).open(in, "demo.isn");
            assertEquals("post_install() { :; }\n", new String(pkg.installScript().orElseThrow(), StandardCharsets.UTF_8));
            pkg.extract((entry, content) -> seen.put(entry.path(),
                    entry.type().code() + " " + String.format("%04o", entry.mode()) + " "
                            + new String(content.readAllBytes(), StandardCharsets.UTF_8)));
        }
        List<String> paths = new ArrayList<>(seen.keySet());
        assertEquals(List.of("usr", "usr/bin", "usr/bin/demo", "usr/bin/demo-link", "usr/bin/demo2", "usr/share",
                "usr/share/demo", "usr/share/demo/" + "long-".repeat(30) + "name.txt", "var", "var/empty"), paths);
        assertEquals("f 0750 #!/bin/sh\necho demo\n", seen.get("usr/bin/demo"));
        assertEquals("h 0750 ", seen.get("usr/bin/demo2"));
        assertEquals("l 0777 ", seen.get("usr/bin/demo-link"));
        assertEquals("d 0755 ", seen.get("var/empty"));
        assertEquals("demo", pkg.manifest().find("usr/bin/demo-link").orElseThrow().linkTarget());
        assertEquals(result.manifestSha256(), PackageReader.sha256(pkg.manifest().encode()));
        String pkginfo = new String(pkg.pkginfoBytes(), StandardCharsets.UTF_8);
        assertTrue(pkginfo.contains("size = 25\n") && pkginfo.contains("sha256 = " + result.manifestSha256()), pkginfo);
    }

    @Test
    void outputIsReadableByAnIndependentTarImplementation() throws Exception {
        PackResult result = build(source(), 1_700_000_000L);
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(result.file())))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertEquals(1_700_000_000L * 1000, e.getModTime().getTime(), e.getName());
                assertEquals(0, e.getLongUserId());
                assertEquals("root", e.getUserName());
            }
        }
        assertEquals(List.of("PKGINFO", ".MANIFEST", ".INSTALL", "usr/", "usr/bin/", "usr/bin/demo"), names.subList(0, 6));
        assertTrue(names.contains("usr/share/demo/" + "long-".repeat(30) + "name.txt"), names.toString());
    }

    @Test
    void sameInputGivesSameBytesWhateverUmaskMtimesAndCreationOrder() throws Exception {
        // Modes are recorded as the tree has them, so the umask is neutralised by setting every
        // mode explicitly, as a build recipe does (docs/format-package.md, "Attributes").
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        write(a, "PKGINFO", SourceDirs.PKGINFO);
        for (String f : List.of("etc/conf", "usr/lib/x.so", "usr/bin/tool", "a b/c")) {
            write(a, f, "content of " + f);
        }
        SourceDirs.touch(a.resolve("etc/conf"), 1000);
        for (String f : List.of("a b/c", "usr/bin/tool", "usr/lib/x.so", "etc/conf")) {
            write(b, f, "content of " + f);
        }
        write(b, "PKGINFO", SourceDirs.PKGINFO);
        SourceDirs.touch(b.resolve("usr/lib/x.so"), 2_000_000_000L);
        // Tree a as if made under umask 077, tree b under 002; the recipe then sets the same modes.
        for (Path t : List.of(a, b)) {
            boolean tight = t == a;
            for (String d : List.of("etc", "usr", "usr/lib", "usr/bin", "a b")) {
                chmod(t.resolve(d), tight ? "rwx------" : "rwxrwxr-x");
            }
            for (String f : List.of("etc/conf", "usr/lib/x.so", "a b/c")) {
                chmod(t.resolve(f), tight ? "rw-------" : "rw-rw-r--");
            }
            chmod(t.resolve("usr/bin/tool"), tight ? "rwx------" : "rwxrwxr-x");
        }
        byte[] loose = Files.readAllBytes(build(b, 42).file());
        for (Path t : List.of(a, b)) {
            SourceDirs.run("chmod", "-R", "u=rwX,go=rX", t.toString());
            chmod(t.resolve("etc/conf"), "rw-------");
        }
        byte[] first = Files.readAllBytes(build(a, 42).file());
        byte[] second = Files.readAllBytes(build(b, 42).file());
        assertArrayEquals(first, second);
        assertTrue(!java.util.Arrays.equals(first, loose), "modes are recorded, not normalised");
        assertTrue(first.length > 0 && first[9] == 3, "gzip OS byte is Unix");
    }

    @Test
    void withoutSourceDateEpochTheDateComesFromPkginfo() throws Exception {
        Path dir = tmp.resolve("dated");
        write(dir, "PKGINFO", SourceDirs.PKGINFO + "build_date = 1234567\n");
        write(dir, "a", "a");
        PackResult r = new PackageBuilder(java.util.OptionalLong.empty(), null)
                .build(dir, Files.createDirectories(tmp.resolve("dated-out")));
        try (InputStream in = Files.newInputStream(r.file())) {
            OpenPackage pkg = new PackageReader(ReaderFixture.ANY).verify(in, "dated.isn");
            assertEquals(1234567, pkg.info().buildDate());
            assertEquals("demo", pkg.info().name());
            assertEquals(1, pkg.info().size());
        }
    }

    @Test
    void refusesUndeclaredSetuid() throws Exception {
        Path dir = tmp.resolve("suid");
        write(dir, "PKGINFO", SourceDirs.PKGINFO);
        SourceDirs.run("chmod", "4755", write(dir, "bin/su", "x").toString());
        PackSourceException e = assertThrows(PackSourceException.class, () -> build(dir, 0));
        assertTrue(e.getMessage().contains("has the setuid/setgid bit (mode 4755); declare it in PKGINFO 'setuid'"), e.getMessage());
        assertEquals(dir.resolve("bin/su").toString(), e.path());
    }

    @Test
    void keepsDeclaredSetuid() throws Exception {
        Path dir = tmp.resolve("suid-ok");
        write(dir, "PKGINFO", SourceDirs.PKGINFO + "setuid = bin/su\n");
        SourceDirs.run("chmod", "4750", write(dir, "bin/su", "x").toString());
        try (InputStream in = Files.newInputStream(build(dir, 0).file())) {
            OpenPackage pkg = new PackageReader(ReaderFixture.ANY).verify(in, "suid.isn");
            assertEquals(04750, pkg.manifest().find("bin/su").orElseThrow().mode());
        }
    }

    @Test
    void refusesFifo() throws Exception {
        Path dir = tmp.resolve("fifo");
        write(dir, "PKGINFO", SourceDirs.PKGINFO);
        SourceDirs.run("mkfifo", dir.resolve("pipe").toString());
        PackSourceException e = assertThrows(PackSourceException.class, () -> build(dir, 0));
        assertTrue(e.getMessage().endsWith("pipe: is a device node, FIFO or socket; packages never carry them (create it in a post_install script)"), e.getMessage());
    }

    @Test
    void refusesReservedNamesAndMissingPkginfo() throws Exception {
        Path dir = tmp.resolve("reserved");
        write(dir, "PKGINFO", SourceDirs.PKGINFO);
        write(dir, ".MANIFEST", "x");
        assertTrue(assertThrows(PackSourceException.class, () -> build(dir, 0)).getMessage().contains("reserved name"));
        Path linked = tmp.resolve("linked-script");
        write(linked, "PKGINFO", SourceDirs.PKGINFO);
        Files.createSymbolicLink(linked.resolve(".INSTALL"), Path.of("/etc/passwd"));
        assertTrue(assertThrows(PackSourceException.class, () -> build(linked, 0)).getMessage()
                .endsWith(".INSTALL: must be a regular file (not a link or directory)"));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(assertThrows(PackSourceException.class, () -> build(empty, 0)).getMessage().contains("no PKGINFO file"));
    }
}
