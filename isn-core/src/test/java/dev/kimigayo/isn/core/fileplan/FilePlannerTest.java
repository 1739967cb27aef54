package dev.kimigayo.isn.core.fileplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.core.root.RootLayout;
import dev.kimigayo.isn.core.txn.JournalEntry;

class FilePlannerTest {

    @TempDir
    Path dir;

    private RootLayout root;

    @BeforeEach
    void setUp() {
        root = new RootLayout(dir);
    }

    private static PackageFiles pkg(String name, Set<String> replaces, FileEntry... files) {
        return new PackageFiles(name, List.of(files), Set.of(), replaces);
    }

    private static List<String> steps(FilePlan plan) {
        return plan.changes().entries().stream()
                .map(e -> e.action() + " " + e.path() + (e.tempPath() == null ? "" : " " + e.tempPath())
                        + (e.backupPath() == null ? "" : " " + e.backupPath()))
                .toList();
    }

    @Test
    void freshInstallCreatesDirectoriesFirstThenPlacesFiles() throws Exception {
        PackageFiles vim = pkg("vim", Set.of(), FileEntry.directory("usr", 0755),
                FileEntry.directory("usr/bin", 0755), FileEntry.file("usr/bin/vim", 0755, 3, "aa"),
                FileEntry.symlink("usr/bin/vi", "vim"), FileEntry.file("usr/share/vim/vimrc", 0644, 1, "bb"));
        FilePlan plan = FilePlanner.plan(root, "t", List.of(vim), List.of(), p -> Set.of(), false);
        assertEquals(List.of("MKDIR usr", "MKDIR usr/bin", "MKDIR usr/share", "MKDIR usr/share/vim",
                "PLACE usr/bin/vim usr/bin/.isn-new.t.vim", "PLACE usr/bin/vi usr/bin/.isn-new.t.vi",
                "PLACE usr/share/vim/vimrc usr/share/vim/.isn-new.t.vimrc"), steps(plan));
        assertEquals(dir.resolve("usr/bin/.isn-new.t.vim"), plan.staging().get("vim").get("usr/bin/vim"));
        assertEquals(List.of("usr", "usr/bin", "usr/bin/vi", "usr/bin/vim", "usr/share", "usr/share/vim",
                "usr/share/vim/vimrc"), plan.owned().get("vim").stream().map(FileEntry::path).sorted().toList(),
                "unlisted parent directories are owned too, so removal can tidy them");
    }

    @Test
    void refusesToWriteThroughAnExistingSymlinkButAllowsUsrMergeLinks() throws Exception {
        Files.createDirectories(dir.resolve("usr/bin"));
        Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(dir.resolve("usr/lib"), Path.of("/outside"));
        Files.createSymbolicLink(dir.resolve("bin"), Path.of("usr/bin"));
        UnsafeRootPathException e = assertThrows(UnsafeRootPathException.class, () -> FilePlanner.plan(root, "t",
                List.of(pkg("evil", Set.of(), FileEntry.file("usr/lib/libc.so", 0644, 1, "aa"))),
                List.of(), p -> Set.of(), false));
        assertEquals("symlink-in-path", e.code());
        assertEquals("usr/lib/libc.so", e.path());
        FilePlan ok = FilePlanner.plan(root, "t", List.of(pkg("sh", Set.of(), FileEntry.directory("bin", 0755),
                FileEntry.file("bin/sh", 0755, 1, "aa"))), List.of(), p -> Set.of(), false);
        assertEquals(List.of("PLACE bin/sh bin/.isn-new.t.sh"), steps(ok));
    }

    @Test
    void refusesTypeClashes() throws Exception {
        Files.createDirectories(dir.resolve("etc/motd"));
        UnsafeRootPathException e = assertThrows(UnsafeRootPathException.class, () -> FilePlanner.plan(root, "t",
                List.of(pkg("base", Set.of(), FileEntry.file("etc/motd", 0644, 1, "aa"))), List.of(), p -> Set.of(), false));
        assertEquals("file-type-clash", e.code());
        Files.writeString(dir.resolve("opt"), "a file");
        assertThrows(UnsafeRootPathException.class, () -> FilePlanner.plan(root, "t",
                List.of(pkg("o", Set.of(), FileEntry.file("opt/x", 0644, 1, "aa"))), List.of(), p -> Set.of(), false));
    }

    @Test
    void refusesFileOwnedByAnotherPackageUnlessReplaces() throws Exception {
        Files.createDirectories(dir.resolve("bin"));
        Files.writeString(dir.resolve("bin/vi"), "busybox vi");
        FilePlanner.Owners owners = p -> p.equals("bin/vi") ? Set.of("busybox") : Set.of();
        FileConflictException e = assertThrows(FileConflictException.class, () -> FilePlanner.plan(root, "t",
                List.of(pkg("vim", Set.of(), FileEntry.file("bin/vi", 0755, 1, "aa"))), List.of(), owners, false));
        assertEquals("busybox", e.owner());
        assertTrue(e.getMessage().contains("replaces = busybox"), e.getMessage());
        FilePlan plan = FilePlanner.plan(root, "t", List.of(pkg("vim", Set.of("busybox"),
                FileEntry.file("bin/vi", 0755, 1, "aa"))), List.of(), owners, false);
        assertEquals(Map.of("busybox", Set.of("bin/vi")), plan.disowned());
        assertEquals(List.of("PLACE bin/vi bin/.isn-new.t.vi bin/.isn-old.t.vi"), steps(plan));
    }

    @Test
    void twoIncomingPackagesClaimingOnePathConflict() {
        FileConflictException e = assertThrows(FileConflictException.class, () -> FilePlanner.plan(root, "t",
                List.of(pkg("a", Set.of(), FileEntry.file("x", 0644, 1, "aa")),
                        pkg("b", Set.of(), FileEntry.file("x", 0644, 1, "bb"))), List.of(), p -> Set.of(), false));
        assertEquals("a", e.owner());
        assertEquals("b", e.pkg());
    }

    @Test
    void upgradeKeepsChangedConfigAndWritesIsnNew() throws Exception {
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/app.conf"), "mine");
        Files.writeString(dir.resolve("etc/other.conf"), "pristine");
        String pristine = RootPaths.sha256(dir.resolve("etc/other.conf"));
        PackageFiles old = pkg("app", Set.of(), FileEntry.directory("etc", 0755),
                FileEntry.file("etc/app.conf", 0644, 4, "0000"), FileEntry.file("etc/other.conf", 0644, 8, pristine));
        PackageFiles next = pkg("app", Set.of(), FileEntry.directory("etc", 0755),
                FileEntry.file("etc/app.conf", 0644, 4, "1111"), FileEntry.file("etc/other.conf", 0644, 8, "2222"));
        FilePlan plan = FilePlanner.plan(root, "t", List.of(next), List.of(old), p -> Set.of("app"), false);
        assertEquals(List.of("PLACE etc/app.conf.isn-new etc/.isn-new.t.app.conf.isn-new",
                "PLACE etc/other.conf etc/.isn-new.t.other.conf etc/.isn-old.t.other.conf"), steps(plan));
        assertEquals(List.of("/etc/app.conf was changed locally: kept it, wrote the new version as /etc/app.conf.isn-new"),
                plan.notes());
    }

    @Test
    void removalSavesChangedConfigUnlessPurgeAndDropsDirectories() throws Exception {
        Files.createDirectories(dir.resolve("etc/app"));
        Files.writeString(dir.resolve("etc/app/app.conf"), "mine");
        Files.writeString(dir.resolve("etc/app/data"), "x");
        PackageFiles installed = pkg("app", Set.of(), FileEntry.directory("etc/app", 0755),
                FileEntry.file("etc/app/app.conf", 0644, 4, "0000"),
                FileEntry.file("etc/app/data", 0644, 1, RootPaths.sha256(dir.resolve("etc/app/data"))));
        FilePlan plan = FilePlanner.plan(root, "t", List.of(), List.of(installed), p -> Set.of("app"), false);
        assertEquals(List.of("SAVE etc/app/app.conf etc/app/app.conf.isn-save",
                "REMOVE etc/app/data etc/app/.isn-old.t.data", "RMDIR etc/app"), steps(plan));
        FilePlan purged = FilePlanner.plan(root, "t", List.of(), List.of(installed), p -> Set.of("app"), true);
        assertEquals(JournalEntry.Action.REMOVE, purged.changes().entries().get(0).action());
    }

    @Test
    void upgradeTurnsItsOwnFileIntoADirectoryStagedWholeUnderATemporaryName() throws Exception {
        Files.createDirectories(dir.resolve("opt"));
        Files.writeString(dir.resolve("opt/tool"), "tool 1");
        PackageFiles old = pkg("tc", Set.of(), FileEntry.directory("opt", 0755), FileEntry.file("opt/tool", 0755, 6, "aa"));
        PackageFiles next = pkg("tc", Set.of(), FileEntry.directory("opt", 0755), FileEntry.directory("opt/tool", 0750),
                FileEntry.file("opt/tool/x", 0644, 1, "bb"), FileEntry.file("opt/tool/sub/y", 0644, 1, "cc"));
        FilePlan plan = FilePlanner.plan(root, "t", List.of(next), List.of(old),
                p -> p.startsWith("opt") ? Set.of("tc") : Set.of(), false);
        assertEquals(List.of("MKDIR opt/.isn-new.t.tool", "MKDIR opt/.isn-new.t.tool/sub",
                "PLACE opt/tool opt/.isn-new.t.tool opt/.isn-old.t.tool"), steps(plan));
        assertEquals(dir.resolve("opt/.isn-new.t.tool/sub/y"), plan.staging().get("tc").get("opt/tool/sub/y"));
        assertEquals(dir.resolve("opt/.isn-new.t.tool"), plan.staging().get("tc").get("opt/tool"));
        assertEquals(List.of("opt", "opt/tool", "opt/tool/sub", "opt/tool/sub/y", "opt/tool/x"),
                plan.owned().get("tc").stream().map(FileEntry::path).sorted().toList());
        assertEquals(List.of("/opt/tool becomes a directory (it was a file of tc)"), plan.notes());
    }

    @Test
    void upgradeTurnsItsOwnDirectoryIntoAFileMovingTheDirectoryAsideWhole() throws Exception {
        Files.createDirectories(dir.resolve("opt/plug/sub"));
        Files.writeString(dir.resolve("opt/plug/a"), "a");
        PackageFiles old = pkg("tc", Set.of(), FileEntry.directory("opt/plug", 0755),
                FileEntry.file("opt/plug/a", 0644, 1, "aa"), FileEntry.directory("opt/plug/sub", 0755));
        PackageFiles next = pkg("tc", Set.of(), FileEntry.file("opt/plug", 0644, 1, "bb"));
        FilePlan plan = FilePlanner.plan(root, "t", List.of(next), List.of(old),
                p -> p.startsWith("opt/plug") ? Set.of("tc") : Set.of(), false);
        assertEquals(List.of("PLACE opt/plug opt/.isn-new.t.plug opt/.isn-old.t.plug"), steps(plan),
                "its content goes with it: no step of its own");
    }

    @Test
    void aTypeChangeIsRefusedWhenSomethingElseIsThere() throws Exception {
        Files.createDirectories(dir.resolve("opt/plug"));
        Files.writeString(dir.resolve("opt/plug/a"), "a");
        Files.writeString(dir.resolve("opt/plug/mine"), "the user's");
        PackageFiles old = pkg("tc", Set.of(), FileEntry.directory("opt/plug", 0755),
                FileEntry.file("opt/plug/a", 0644, 1, "aa"));
        PackageFiles next = pkg("tc", Set.of(), FileEntry.file("opt/plug", 0644, 1, "bb"));
        FilePlanner.Owners owners = p -> p.equals("opt/plug") || p.equals("opt/plug/a") ? Set.of("tc") : Set.of();
        UnsafeRootPathException e = assertThrows(UnsafeRootPathException.class,
                () -> FilePlanner.plan(root, "t", List.of(next), List.of(old), owners, false));
        assertEquals("refusing to install /opt/plug from tc: a directory exists in the root where the package has a"
                + " file, and /opt/plug/mine in it belongs to no package: move it away and retry; nothing was changed",
                e.getMessage());
        assertEquals("file-type-clash", e.code());
        FilePlanner.Owners shared = p -> p.equals("opt/plug") ? Set.of("tc", "other") : Set.of("tc");
        assertThrows(UnsafeRootPathException.class,
                () -> FilePlanner.plan(root, "t", List.of(next), List.of(old), shared, false));
    }

    @Test
    void aChangedConfigFileDoesNotSilentlyBecomeADirectory() throws Exception {
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/tool"), "mine");
        PackageFiles old = new PackageFiles("tc", List.of(FileEntry.file("etc/tool", 0644, 4, "0000")), Set.of(),
                Set.of());
        PackageFiles next = pkg("tc", Set.of(), FileEntry.directory("etc/tool", 0755),
                FileEntry.file("etc/tool/main.conf", 0644, 1, "bb"));
        FilePlanner.Owners owners = p -> p.startsWith("etc/tool") ? Set.of("tc") : Set.of();
        UnsafeRootPathException e = assertThrows(UnsafeRootPathException.class,
                () -> FilePlanner.plan(root, "t", List.of(next), List.of(old), owners, false));
        assertTrue(e.getMessage().contains("/etc/tool is a configuration file you changed, and the new version has a"
                + " directory there; move your copy away (or use --purge) and retry"), e.getMessage());
        assertEquals(List.of("MKDIR etc/.isn-new.t.tool", "PLACE etc/tool etc/.isn-new.t.tool etc/.isn-old.t.tool"),
                steps(FilePlanner.plan(root, "t", List.of(next), List.of(old), owners, true)));
    }

    @Test
    void aTypeChangeThatAnotherIncomingPackageWouldContradictIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("opt/plug"));
        Files.writeString(dir.resolve("opt/plug/a"), "a");
        Files.writeString(dir.resolve("opt/tool"), "tool 1");
        PackageFiles old = pkg("tc", Set.of(), FileEntry.directory("opt/plug", 0755),
                FileEntry.file("opt/plug/a", 0644, 1, "aa"), FileEntry.file("opt/tool", 0644, 1, "aa"));
        FilePlanner.Owners owners = p -> p.startsWith("opt/") ? Set.of("tc") : Set.of();
        PackageFiles intoFile = pkg("tc", Set.of(), FileEntry.file("opt/plug", 0644, 1, "bb"));
        PackageFiles below = pkg("extra", Set.of(), FileEntry.file("opt/plug/b", 0644, 1, "cc"));
        UnsafeRootPathException e = assertThrows(UnsafeRootPathException.class,
                () -> FilePlanner.plan(root, "t", List.of(intoFile, below), List.of(old), owners, false));
        assertEquals("refusing to install /opt/plug/b from extra: /opt/plug becomes a file of tc in the same"
                + " transaction; nothing was changed", e.getMessage());
        PackageFiles intoDir = pkg("tc", Set.of(), FileEntry.directory("opt/tool", 0755));
        PackageFiles fileThere = pkg("extra", Set.of(), FileEntry.file("opt/tool", 0644, 1, "cc"));
        FileConflictException c = assertThrows(FileConflictException.class,
                () -> FilePlanner.plan(root, "t", List.of(fileThere, intoDir), List.of(old), owners, false));
        assertEquals("extra", c.owner());
    }
}
