package dev.kimigayo.isn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import dev.kimigayo.isn.core.archive.PackageBuilder;
import dev.kimigayo.isn.core.archive.PackageSigner;
import dev.kimigayo.isn.crypto.Ed25519KeyPair;
import dev.kimigayo.isn.crypto.KeyFiles;

/**
 * The project's sample packages, really packed and signed, indexed by {@code isn index} into a
 * {@code file://} repository, and a root to install them into; for in-process CLI tests.
 */
final class SampleRoot {

    final Path dir;
    final Path repo;
    final Path secret;
    final Path trusted;
    final Path root;
    final Cli cli = new Cli();
    private final PackageBuilder builder;

    SampleRoot(Path dir) throws Exception {
        this.dir = dir;
        Ed25519KeyPair key = Ed25519KeyPair.generate(new SecureRandom());
        secret = dir.resolve("test.sec");
        KeyFiles.writeSecret(secret, key.secretKey(), "test");
        trusted = Files.createDirectories(dir.resolve("trusted"));
        KeyFiles.writePublic(trusted.resolve("test.pub"), key.publicKey(), "test");
        repo = Files.createDirectories(dir.resolve("repo"));
        root = dir.resolve("root");
        builder = new PackageBuilder(OptionalLong.of(0), PackageSigner.with(key.secretKey()));
        try (Stream<Path> s = Files.list(samples())) {
            for (Path p : s.filter(Files::isDirectory).sorted().toList()) {
                builder.build(p, repo);
            }
        }
        index();
    }

    static Path samples() {
        return Path.of(System.getProperty("isn.projectRoot", "..")).resolve("packaging/sample-repo");
    }

    /** Packs a package source folder into {@code repoDir} (index it afterwards); returns the package file. */
    Path pack(Path source, Path repoDir) throws Exception {
        Files.createDirectories(repoDir);
        return builder.build(source, repoDir).file();
    }

    /** Signs a fresh index of the sample repository. */
    void index() {
        index(repo);
    }

    /** Signs a fresh index of {@code repoDir}. */
    void index(Path repoDir) {
        if (cli.run("index", repoDir.toString(), "--key", secret.toString()) != 0) {
            throw new IllegalStateException("isn index failed: " + cli.err);
        }
    }

    /** A copy of sample package {@code name}'s source under {@code target}, with {@code version} replaced by {@code newVersion}. */
    Path sampleSource(String name, String version, String newVersion, Path target) throws Exception {
        try (Stream<Path> files = Files.walk(samples().resolve(name))) {
            for (Path f : files.toList()) {
                Path to = target.resolve(samples().resolve(name).relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Path info = target.resolve("PKGINFO");
        Files.writeString(info, Files.readString(info).replace(version, newVersion));
        return target;
    }

    /** Runs isn on the root with only its own configuration (its repositories file); returns the exit code. */
    int bare(String... args) {
        List<String> all = new ArrayList<>(List.of("--root", root.toString(), "--keys-dir", trusted.toString()));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    /** Runs isn on the root with the repository and the trusted keys; returns the exit code. */
    int isn(String... args) {
        List<String> all = new ArrayList<>(List.of("--root", root.toString(), "--initdb", "--keys-dir",
                trusted.toString(), "-X", repo.toUri().toString()));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }
}
