package dev.kimigayo.isn.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagesAndFilesTest {

    @TempDir
    Path dir;

    @Test
    void packageWithEveryFieldRoundTrips() throws Exception {
        InstalledPackage vim = Fixtures.full("vim", "9.1.0-r2");
        InstalledPackage bare = Fixtures.minimal("busybox", "1.36.1-r0");
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            db.apply(DatabaseChanges.builder().install(vim, Fixtures.files("vim"))
                    .install(bare, List.of()).build());
        }
        try (PackageDatabase db = PackageDatabase.open(dir.resolve("var/lib/isn/isn.db"),
                OpenOptions.readOnlyMode())) {
            assertEquals(vim, db.installed("vim").orElseThrow());
            assertEquals(bare, db.installed("busybox").orElseThrow());
            assertEquals(List.of(bare, vim), db.installedPackages());
            assertTrue(db.installed("emacs").isEmpty());
        }
    }

    @Test
    void filesRoundTripSortedByPath() throws Exception {
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            db.apply(Fixtures.install(Fixtures.full("vim", "9.1-r0")));
            List<InstalledFile> expected = Fixtures.files("vim").stream()
                    .sorted(java.util.Comparator.comparing(InstalledFile::path)).toList();
            assertEquals(expected, db.filesOf("vim"));
            assertEquals(List.of(), db.filesOf("emacs"));
        }
    }

    @Test
    void directoriesAreSharedAndOtherPathsHaveOneOwner() throws Exception {
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            db.apply(Fixtures.install(Fixtures.full("vim", "9.1-r0")));
            db.apply(Fixtures.install(Fixtures.full("nano", "8.0-r0")));
            assertEquals(List.of("nano", "vim"), db.ownersOf("usr/bin"));
            assertEquals(List.of("vim"), db.ownersOf("usr/bin/vim"));
            assertEquals(List.of(), db.ownersOf("usr/bin/emacs"));

            // Removing one owner keeps the shared directory owned by the other.
            db.apply(DatabaseChanges.builder().remove("nano").build());
            assertEquals(List.of("vim"), db.ownersOf("usr/bin"));
            assertEquals(List.of(), db.ownersOf("usr/bin/nano"));
        }
    }

    @Test
    void installingAPathOwnedByAnotherPackageTakesItOver() throws Exception {
        InstalledFile shared = InstalledFile.file("usr/bin/vi", 0755, 0, 0, 10, "11".repeat(32));
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            db.apply(DatabaseChanges.builder().install(Fixtures.minimal("busybox", "1"),
                    List.of(InstalledFile.dir("usr", 0755, 0, 0), shared)).build());
            db.apply(DatabaseChanges.builder().install(Fixtures.minimal("vim", "9")
                    .withReason(InstallReason.EXPLICIT), List.of(shared.withConfig(false))).build());
            assertEquals(List.of("vim"), db.ownersOf("usr/bin/vi"));
            assertEquals(List.of(InstalledFile.dir("usr", 0755, 0, 0)), db.filesOf("busybox"));
        }
    }

    @Test
    void reinstallReplacesThePackageAndItsPaths() throws Exception {
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            db.apply(Fixtures.install(Fixtures.full("vim", "9.0-r0")));
            InstalledPackage newer = Fixtures.full("vim", "9.1-r0").withDepends(List.of("musl"));
            InstalledFile only = InstalledFile.file("usr/bin/vim", 0755, 0, 0, 1, "22".repeat(32));
            db.apply(DatabaseChanges.builder().install(newer, List.of(only)).build());
            assertEquals(List.of(newer), db.installedPackages());
            assertEquals(List.of(only), db.filesOf("vim"));
            assertEquals(List.of(), db.ownersOf("etc/vim.conf"));
        }
    }

    @Test
    void reasonWorldAndFindPaths() throws Exception {
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            db.apply(Fixtures.install(Fixtures.minimal("musl", "1.2.5-r0")));
            db.apply(DatabaseChanges.builder().reason("musl", InstallReason.EXPLICIT)
                    .world(List.of("musl", "vim>=9", "busybox@edge", "!nano")).build());
            assertEquals(InstallReason.EXPLICIT, db.installed("musl").orElseThrow().reason());
            assertEquals(List.of("musl", "vim>=9", "busybox@edge", "!nano"), db.world());
            db.apply(DatabaseChanges.builder().world(List.of("vim")).build());
            assertEquals(List.of("vim"), db.world());

            Map<String, List<OwnedFile>> found = db.findPaths(List.of("usr/bin", "usr/bin/musl",
                    "nowhere"));
            assertEquals(List.of("usr/bin", "usr/bin/musl"), List.copyOf(found.keySet()));
            assertEquals(new OwnedFile("musl", InstalledFile.file("usr/bin/musl", 04755, 0, 10,
                    4096, "ef".repeat(32))), found.get("usr/bin/musl").get(0));
        }
    }

    @Test
    void findPathsHandlesMoreThanOneChunk() throws Exception {
        List<InstalledFile> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            many.add(InstalledFile.file("data/f" + i, 0644, 0, 0, i, null));
        }
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            db.apply(DatabaseChanges.builder().install(Fixtures.minimal("data", "1"), many).build());
            List<String> paths = many.stream().map(InstalledFile::path).toList();
            Map<String, List<OwnedFile>> found = db.findPaths(paths);
            assertEquals(1200, found.size());
            assertEquals(1199L, found.get("data/f1199").get(0).file().size());
        }
    }

    @Test
    void searchMatchesNameOrDescriptionAsSubstringOrGlob() throws Exception {
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            db.apply(DatabaseChanges.builder()
                    .install(Fixtures.minimal("vim", "9").withDescription("Vi IMproved"), List.of())
                    .install(Fixtures.minimal("vim-doc", "9").withDescription("docs"), List.of())
                    .install(Fixtures.minimal("nano", "8").withDescription("small editor 100%"),
                            List.of())
                    .build());
            assertEquals(List.of("vim", "vim-doc"), names(db.search("vim")));
            assertEquals(List.of("vim"), names(db.search("improved")));
            assertEquals(List.of("vim"), names(db.search("v?m")));
            assertEquals(List.of("vim-doc"), names(db.search("*-doc")));
            assertEquals(List.of("nano"), names(db.search("100%")));
            assertEquals(List.of(), names(db.search("10_")));
        }
    }

    @Test
    void repositoryStatesRoundTripAndUpdateInPlace() throws Exception {
        Instant fetched = Instant.parse("2026-03-01T10:00:00.123Z");
        RepositoryState first = new RepositoryState("https://repo.example.org/main", 41,
                "\"abc\"", "Sun, 01 Mar 2026 09:00:00 GMT", fetched, fetched.plusSeconds(86400));
        RepositoryState local = new RepositoryState("file:///srv/repo", 3, null, null, fetched, null);
        try (PackageDatabase db = Fixtures.fresh(dir)) {
            db.recordRepositoryState(first);
            db.recordRepositoryState(local);
            RepositoryState next = new RepositoryState(first.url(), 42, "\"def\"", null,
                    fetched.plusSeconds(60), fetched.plusSeconds(90000));
            db.apply(DatabaseChanges.builder().repository(next).build());
            assertEquals(next, db.repositoryState(first.url()).orElseThrow());
            assertEquals(List.of(local, next), db.repositoryStates());
            assertTrue(db.repositoryState("https://other").isEmpty());
        }
    }

    private static List<String> names(List<InstalledPackage> packages) {
        return packages.stream().map(InstalledPackage::name).toList();
    }
}
