package dev.kimigayo.isn.e2e.consist;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.kimigayo.isn.crypto.KeyFiles;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/** A signing key, its trusted copy, a repository folder and a root, made by the real launcher. */
final class Fixture {

    final Path dir;
    final Path sec;
    final Path trusted;
    final Path repo;
    final Path root;

    Fixture(Path dir) throws Exception {
        this.dir = dir;
        Path keys = dir.resolve("keys");
        isn().run("keygen", "demo", "-o", keys.toString()).assertSuccess();
        this.sec = keys.resolve("demo.sec");
        this.trusted = Files.createDirectories(dir.resolve("trusted"));
        Files.copy(keys.resolve("demo.pub"), trusted.resolve("demo.pub"));
        this.repo = Files.createDirectories(dir.resolve("repo"));
        this.root = dir.resolve("root");
    }

    /** Packs a source folder (PKGINFO text, then path/content pairs) into the repository, signed. */
    void pack(String name, String pkginfo, String... files) throws Exception {
        Path src = dir.resolve("src").resolve(name);
        Files.createDirectories(src);
        Files.writeString(src.resolve("PKGINFO"), pkginfo);
        for (int i = 0; i < files.length; i += 2) {
            Path f = src.resolve(files[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, files[i + 1]);
        }
        isn().withEnv("SOURCE_DATE_EPOCH", "1767225600")
                .run("pack", src.toString(), "-o", repo.toString(), "--key", sec.toString()).assertSuccess();
    }

    void index() throws Exception {
        isn().run("index", repo.toString(), "--key", sec.toString(), "--name", "consist").assertSuccess();
    }

    /** Replaces {@code from} by {@code to} in index.json (each must occur once) and signs the result again. */
    void forgeIndex(String from, String to) throws Exception {
        Path index = repo.resolve("index.json");
        String text = Files.readString(index);
        if (text.indexOf(from) < 0 || text.indexOf(from) != text.lastIndexOf(from)) {
            throw new AssertionError("not exactly once in the index: " + from + "\n" + text);
        }
        byte[] forged = text.replace(from, to).getBytes(StandardCharsets.UTF_8);
        Files.write(index, forged);
        Files.write(repo.resolve("index.json.sig"), KeyFiles.readSecret(sec).sign(forged).encode());
    }

    String url() {
        return repo.toUri().toString();
    }

    /** Runs isn on the root with the trusted keys and the repository. */
    IsnResult at(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--keys-dir", trusted.toString(), "-X", url()));
        all.addAll(List.of(args));
        return isn().runAt(root, all.toArray(String[]::new));
    }

    /** Creates the root and fetches the index. */
    void init() throws Exception {
        isn().runAt(root, "--initdb", "--keys-dir", trusted.toString(), "-X", url(), "update").assertSuccess();
    }

    static final String HELLO = "name = hello\nversion = 0.1-r0\narchitecture = noarch\n"
            + "description = greeting\n";
}
