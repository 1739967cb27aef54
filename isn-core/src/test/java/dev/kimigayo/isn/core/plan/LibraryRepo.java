package dev.kimigayo.isn.core.plan;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import dev.kimigayo.isn.core.archive.PackageBuilder;
import dev.kimigayo.isn.core.archive.PackageSigner;
import dev.kimigayo.isn.core.config.RepositoryEntry;
import dev.kimigayo.isn.core.repo.IndexBuilder;
import dev.kimigayo.isn.core.repo.IndexRequest;
import dev.kimigayo.isn.core.repo.PackageVerifiers;
import dev.kimigayo.isn.core.root.RootLayout;
import dev.kimigayo.isn.core.session.EngineSettings;
import dev.kimigayo.isn.crypto.Ed25519KeyPair;
import dev.kimigayo.isn.crypto.KeyFiles;

/**
 * The project's sample packages really packed, signed and indexed into a {@code file:} repository,
 * and engine settings for a root using it: everything a library caller sets up, without the CLI.
 */
public final class LibraryRepo {

    public final Path repo;
    final Path keys;
    private final Ed25519KeyPair key = Ed25519KeyPair.generate(new SecureRandom());
    private final PackageBuilder builder = new PackageBuilder(OptionalLong.of(0), PackageSigner.with(key.secretKey()));

    /** Packs, signs and indexes the sample packages into {@code dir/repo}, trusted by a key in {@code dir/keys}. */
    public LibraryRepo(Path dir) throws Exception {
        repo = Files.createDirectories(dir.resolve("repo"));
        keys = Files.createDirectories(dir.resolve("keys"));
        KeyFiles.writePublic(keys.resolve("test.pub"), key.publicKey(), "test");
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

    /** Signs a fresh index of the repository (a higher serial). */
    void index() throws Exception {
        new IndexBuilder(PackageVerifiers.trusting(key.publicKey()), Clock.systemUTC())
                .build(IndexRequest.of(repo, key.secretKey()));
    }

    /** Packs {@code source} into the repository (index it afterwards). */
    Path pack(Path source) throws Exception {
        return builder.build(source, repo).file();
    }

    /** Settings for {@code root}, created on first use, trusting this repository's key and using it. */
    public EngineSettings settings(Path root) {
        return EngineSettings.defaults(new RootLayout(root)).withInitdb(true).withScripts(false)
                .withKeysDir(keys).withExtraRepos(List.of(RepositoryEntry.of(URI.create(repo.toUri().toString()))));
    }
}
