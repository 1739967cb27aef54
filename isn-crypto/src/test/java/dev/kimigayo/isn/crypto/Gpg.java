package dev.kimigayo.isn.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real gpg with a private GNUPGHOME, used by tests to make keys and signatures. */
final class Gpg implements AutoCloseable {

    private static final String[] BATCH = {"--batch", "--pinentry-mode", "loopback", "--passphrase", ""};

    private final Tool gpg;
    private final Path home;

    Gpg(Tool gpg, Path home) throws IOException {
        this.gpg = gpg;
        this.home = home;
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    /** Runs gpg with the batch options; fails the test on a non-zero exit. */
    String run(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(BATCH));
        all.addAll(List.of(args));
        Tool.Run r = gpg.run(home, Map.of("GNUPGHOME", home.toString()), all.toArray(String[]::new));
        if (r.exit() != 0) {
            throw new IOException("gpg " + String.join(" ", args) + " failed (" + r.exit() + "): " + r.out());
        }
        return r.out();
    }

    /** Generates a signing key for {@code uid} and returns its fingerprint (upper-case hex). */
    String generate(String uid, String algo) throws IOException, InterruptedException {
        run("--quick-gen-key", uid, algo, "sign", "never");
        String colons = run("--with-colons", "--list-keys", uid);
        for (String line : colons.split("\n")) {
            if (line.startsWith("fpr:")) {
                return line.split(":")[9];
            }
        }
        throw new IOException("no fingerprint for " + uid + ": " + colons);
    }

    Path home() {
        return home;
    }

    @Override
    public void close() throws Exception {
        // Stop the agent this home started; gpgconf is part of the gnupg package.
        Tool.find("gpgconf").ifPresent(t -> {
            try {
                t.run(home, Map.of("GNUPGHOME", home.toString()), "--kill", "all");
            } catch (IOException | InterruptedException e) {
                // best effort: the agent also exits when its socket directory disappears
            }
        });
    }
}
