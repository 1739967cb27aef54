package dev.kimigayo.isn.core.engine;

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
}
