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

    /** Packs one more package source folder into the repository (re-index afterwards). */
    void pack(Path source) throws Exception {
        builder.build(source, repo);
    }

    /** Signs a fresh index of the repository. */
    void index() {
        if (cli.run("index", repo.toString(), "--key", secret.toString()) != 0) {
            throw new IllegalStateException("isn index failed: " + cli.err);
        }
    }

    /** Runs isn on the root with the repository and the trusted keys; returns the exit code. */
    int isn(String... args) {
        List<String> all = new ArrayList<>(List.of("--root", root.toString(), "--initdb", "--keys-dir",
                trusted.toString(), "-X", repo.toUri().toString()));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }
}
