package dev.kimigayo.isn.e2e.hostile;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/** A trusted key, a small signed repository with package {@code demo} (two versions), and roots using it. */
final class Fixture {

    final Path keys;
    final Path trusted;
    final Path repo;

    private Fixture(Path dir) {
        keys = dir.resolve("keys");
        trusted = dir.resolve("trusted");
        repo = dir.resolve("repo");
    }

    /** Makes the key and the repository with {@code demo-1.0-r0}; {@link #publishUpgrade} adds r1. */
    static Fixture create(Path dir) throws Exception {
        Fixture f = new Fixture(dir);
        Files.createDirectories(f.trusted);
        Files.createDirectories(f.repo);
        isn().run("keygen", "demo", "-o", f.keys.toString()).assertSuccess();
        Files.copy(f.keys.resolve("demo.pub"), f.trusted.resolve("demo.pub"));
        f.pack(dir.resolve("src-r0"), "1.0-r0", "data version 0\n");
        f.index();
        return f;
    }

    private void pack(Path src, String version, String data) throws Exception {
        SignedRepo.source(src, "name = demo\nversion = " + version + "\narchitecture = noarch\ndescription = demo\n",
                "usr/share/demo/data.txt", data, "usr/bin/demo", "#!/bin/sh\n");
        isn().withEnv("SOURCE_DATE_EPOCH", "1767225600").run("pack", src.toString(), "-o", repo.toString(),
                "--key", secret().toString()).assertSuccess();
    }

    /** Adds {@code demo-1.0-r1} (new content for data.txt) to the repository. */
    void publishUpgrade(Path dir) throws Exception {
        pack(dir.resolve("src-r1"), "1.0-r1", "data version 1\n");
        index();
    }

    private void index() throws Exception {
        isn().run("index", repo.toString(), "--key", secret().toString(), "--name", "demo").assertSuccess();
    }

    Path secret() {
        return keys.resolve("demo.sec");
    }

    /** Runs isn on {@code root} with this repository and key. */
    IsnResult run(Path root, String... args) throws Exception {
        return runWith(root, null, args);
    }

    /** Runs isn with {@code ISN_FAULT_FAIL_AT} set to {@code fault} (null: none). */
    IsnResult runWith(Path root, String fault, String... args) throws Exception {
        String[] all = new String[args.length + 5];
        all[0] = "--initdb";
        all[1] = "--keys-dir";
        all[2] = trusted.toString();
        all[3] = "-X";
        all[4] = repo.toUri().toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return isn().withEnv("ISN_FAULT_FAIL_AT", fault).runAt(root, all);
    }
}
