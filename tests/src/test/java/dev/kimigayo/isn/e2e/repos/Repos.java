package dev.kimigayo.isn.e2e.repos;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.kimigayo.isn.e2e.engine.SignedRepo;
import dev.kimigayo.isn.e2e.harness.IsnResult;

/** Helpers of the repository tests: a fresh root with a repositories file, the config bytes, a dead port. */
final class Repos {

    private Repos() {
    }

    /** Runs {@code isn --root ROOT args…}. */
    static IsnResult at(Path root, String... args) throws Exception {
        return isn().runAt(root, args);
    }

    /** A new root trusting {@code repo}'s key, its {@code etc/isn/repositories} holding {@code lines}. */
    static Path root(Path dir, SignedRepo repo, String... lines) throws Exception {
        at(dir, "--initdb", "--keys-dir", repo.trusted.toString(), "update").assertSuccess();
        Files.writeString(dir.resolve("etc/isn/repositories"), String.join("\n", lines) + "\n");
        return dir;
    }

    /** Every file under {@code etc/isn} with its bytes (as text), to compare before and after. */
    static Map<String, String> config(Path root) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        try (var s = Files.walk(root.resolve("etc/isn"))) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    all.put(root.relativize(p).toString(), Files.readString(p));
                }
            }
        }
        return all;
    }

    /** Partial downloads ({@code *.isn-part}) anywhere in the root. */
    static java.util.List<String> partials(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString()).filter(p -> p.endsWith(".isn-part")).toList();
        }
    }

    /** A 127.0.0.1 port nobody listens on (connections are refused). */
    static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
