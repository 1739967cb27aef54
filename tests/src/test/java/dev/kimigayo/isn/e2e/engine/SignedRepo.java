package dev.kimigayo.isn.e2e.engine;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.kimigayo.isn.e2e.harness.IsnProcess;

/**
 * A signed repository made by the real launcher ({@code isn keygen}, {@code isn pack},
 * {@code isn index}) from the project's sample sources plus any extra package folders.
 */
public final class SignedRepo {

    public final Path dir;
    public final Path repo;
    public final Path keys;
    public final Path trusted;

    private SignedRepo(Path dir) {
        this.dir = dir;
        this.repo = dir.resolve("repo");
        this.keys = dir.resolve("keys");
        this.trusted = dir.resolve("trusted");
    }

    /** The sample repository, signed with a fresh key, under {@code dir}. */
    public static SignedRepo sample(Path dir) throws Exception {
        SignedRepo r = new SignedRepo(dir);
        Files.createDirectories(r.repo);
        Files.createDirectories(r.trusted);
        isn().run("keygen", "demo", "-o", r.keys.toString()).assertSuccess();
        Files.copy(r.keys.resolve("demo.pub"), r.trusted.resolve("demo.pub"));
        List<String> args = new ArrayList<>(List.of("pack"));
        try (Stream<Path> s = Files.list(IsnProcess.projectRoot().resolve("packaging/sample-repo"))) {
            s.filter(Files::isDirectory).sorted().forEach(p -> args.add(p.toString()));
        }
        args.addAll(List.of("-o", r.repo.toString(), "--key", r.keys.resolve("demo.sec").toString()));
        isn().withEnv("SOURCE_DATE_EPOCH", "1767225600").run(args.toArray(String[]::new)).assertSuccess();
        r.index();
        return r;
    }

    /** Packs {@code source} (a folder with PKGINFO and payload) into the repository, signed. */
    public void pack(Path source) throws Exception {
        isn().withEnv("SOURCE_DATE_EPOCH", "1767225600").run("pack", source.toString(), "-o", repo.toString(),
                "--key", keys.resolve("demo.sec").toString()).assertSuccess();
    }

    /** Re-indexes the repository (a new, higher serial); {@code extra} such as {@code --expires 1s}. */
    public void index(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("index", repo.toString(), "--key",
                keys.resolve("demo.sec").toString(), "--name", "sample", "--description", "e2e"));
        args.addAll(List.of(extra));
        isn().run(args.toArray(String[]::new)).assertSuccess();
    }

    /**
     * Appends {@code url} to {@code root}'s {@code etc/isn/repositories}: {@code -X} is for one
     * command (as apk's), so a test that relies on the repository later keeps it the way a user would.
     */
    public static void remember(Path root, Object url) throws IOException {
        Path file = root.resolve("etc/isn/repositories");
        Files.createDirectories(file.getParent());
        Files.writeString(file, url + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** The {@code file://} URL of the repository. */
    public String url() {
        return repo.toUri().toString();
    }

    /** Writes a package source folder: PKGINFO text and payload files (path, content) pairs. */
    public static Path source(Path dir, String pkginfo, String... files) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("PKGINFO"), pkginfo);
        for (int i = 0; i < files.length; i += 2) {
            Path f = dir.resolve(files[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, files[i + 1]);
        }
        return dir;
    }
}
