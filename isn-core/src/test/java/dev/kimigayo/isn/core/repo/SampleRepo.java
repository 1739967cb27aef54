package dev.kimigayo.isn.core.repo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.kimigayo.isn.core.archive.PackageBuilder;
import dev.kimigayo.isn.core.archive.PackageSigner;
import dev.kimigayo.isn.crypto.Ed25519SecretKey;

/** Packs the project's sample repository sources (packaging/sample-repo) with a real key. */
final class SampleRepo {

    /** The SOURCE_DATE_EPOCH the sample packages are stamped with. */
    static final long EPOCH = 1767225600L;

    private SampleRepo() {
    }

    /** The sample package source folders, sorted. */
    static List<Path> sources() throws Exception {
        Path root = Path.of(System.getProperty("isn.projectRoot", "..")).resolve("packaging/sample-repo");
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** Packs every sample package (or only {@code only}, when given) into {@code out}, signed by {@code key}. */
    static List<Path> pack(Ed25519SecretKey key, Path out, String... only) throws Exception {
        PackageBuilder builder = new PackageBuilder(java.util.OptionalLong.of(EPOCH), PackageSigner.with(key));
        List<Path> files = new ArrayList<>();
        for (Path dir : sources()) {
            if (only.length == 0 || List.of(only).contains(dir.getFileName().toString())) {
                files.add(builder.build(dir, out).file());
            }
        }
        return files;
    }
}
