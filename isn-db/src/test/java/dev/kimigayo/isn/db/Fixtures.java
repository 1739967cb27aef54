package dev.kimigayo.isn.db;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Real values for the database tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-03T04:05:06.789Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    static OpenOptions create() {
        return OpenOptions.readWrite().withCreate(true).withClock(CLOCK);
    }

    static PackageDatabase fresh(Path dir) throws DatabaseException {
        return PackageDatabase.open(dir.resolve("var/lib/isn/isn.db"), create());
    }

    /** A package with every metadata field filled in. */
    static InstalledPackage full(String name, String version) {
        return new InstalledPackage(name, version, "x86_64", "The " + name + " package",
                "https://example.org/" + name, "MIT AND BSD-2-Clause", name + "-src",
                "Jane Doe <jane@example.org>", Instant.ofEpochSecond(1767225600L), 123_456L,
                "ab".repeat(32), 10, List.of("musl>=1.2", "so:libc.musl-x86_64.so.1", "!old-" + name),
                List.of("cmd:" + name + "=" + version, "virt-" + name), List.of(name + "-base", "doc"),
                List.of("old-" + name), List.of("etc/" + name + ".conf"),
                InstallReason.EXPLICIT, "https://repo.example.org/main", "edge", T0);
    }

    static InstalledPackage minimal(String name, String version) {
        return InstalledPackage.of(name, version, "noarch", InstallReason.DEPENDENCY, T0);
    }

    /** A directory, a config file, a binary, a symlink and a hardlink under the package's name. */
    static List<InstalledFile> files(String name) {
        List<InstalledFile> files = new ArrayList<>();
        files.add(InstalledFile.dir("etc", 0755, 0, 0));
        files.add(InstalledFile.dir("usr", 0755, 0, 0));
        files.add(InstalledFile.dir("usr/bin", 0755, 0, 0));
        files.add(InstalledFile.file("etc/" + name + ".conf", 0644, 0, 0, 12, "cd".repeat(32))
                .withConfig(true));
        files.add(InstalledFile.file("usr/bin/" + name, 04755, 0, 10, 4096, "ef".repeat(32)));
        files.add(InstalledFile.symlink("usr/bin/" + name + "-link", name, 0, 0));
        files.add(new InstalledFile("usr/bin/" + name + "-hard", FileType.HARDLINK, 0755, 0, 0, 0,
                null, "usr/bin/" + name, false));
        return files;
    }

    static DatabaseChanges install(InstalledPackage pkg) {
        return DatabaseChanges.builder().install(pkg, files(pkg.name())).build();
    }
}
