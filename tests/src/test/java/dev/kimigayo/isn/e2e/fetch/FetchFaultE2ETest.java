package dev.kimigayo.isn.e2e.fetch;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.kimigayo.isn.e2e.harness.Fault;
import dev.kimigayo.isn.e2e.harness.FaultServer;
import dev.kimigayo.isn.e2e.harness.IsnProcess;
import dev.kimigayo.isn.e2e.harness.IsnResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code isn install} against a signed repository served by the fault-injecting
 * server: each fault fails with its exit code and message, and leaves the root unchanged with no
 * partial download anywhere in it.
 */
class FetchFaultE2ETest {

    @TempDir
    static Path work;

    private static Path repo;
    private static Path trusted;
    private static String vimFile;
    private static FaultServer server;

    @BeforeAll
    static void publish() throws Exception {
        repo = Files.createDirectories(work.resolve("repo"));
        Path keys = work.resolve("keys");
        trusted = Files.createDirectories(work.resolve("trusted"));
        isn().run("keygen", "e2e", "-o", keys.toString()).assertSuccess();
        Files.copy(keys.resolve("e2e.pub"), trusted.resolve("e2e.pub"));
        List<String> pack = new ArrayList<>(List.of("pack"));
        try (Stream<Path> s = Files.list(IsnProcess.projectRoot().resolve("packaging/sample-repo"))) {
            s.filter(Files::isDirectory).sorted().forEach(p -> pack.add(p.toString()));
        }
        pack.addAll(List.of("-o", repo.toString(), "--key", keys.resolve("e2e.sec").toString()));
        isn().run(pack.toArray(String[]::new)).assertSuccess();
        isn().run("index", repo.toString(), "--key", keys.resolve("e2e.sec").toString()).assertSuccess();
        try (Stream<Path> s = Files.list(repo)) {
            vimFile = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("vim-") && n.endsWith(".isn")).findFirst().orElseThrow();
        }
        server = FaultServer.start(repo);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void wrongBytesAreAnIntegrityFailure() throws Exception {
        server.fault("/" + vimFile, new Fault.WrongBytes());
        Path root = work.resolve("wrong-bytes");
        IsnResult r = install(root).assertExit(4);

        assertTrue(r.stderr().contains("SHA-256 mismatch for " + server.uri("/" + vimFile)), r::describe);
        assertNothingInstalled(root);
    }

    @Test
    void redirectToAnotherHostIsRefusedNamingBoth() throws Exception {
        server.fault("/" + vimFile, new Fault.RedirectTo(server.uriViaLocalhost("/" + vimFile)));
        Path root = work.resolve("redirect");
        IsnResult r = install(root).assertExit(5);

        assertTrue(r.stderr().contains("refusing redirect: " + server.uri("/" + vimFile) + " redirects to "
                + server.uriViaLocalhost("/" + vimFile) + " on another host (127.0.0.1 -> localhost)"), r::describe);
        assertNothingInstalled(root);
    }

    @Test
    void truncationIsRetriedThenAFetchFailure() throws Exception {
        server.fault("/" + vimFile, new Fault.TruncateAfter(100));
        int before = server.hits("/" + vimFile);
        Path root = work.resolve("truncated");
        IsnResult r = install(root).assertExit(5);

        assertTrue(r.stderr().contains("connection closed early by " + server.uri("/" + vimFile) + " after 100 of "),
                r::describe);
        assertTrue(r.stderr().contains("gave up after 4 attempts"), r::describe);
        assertEquals(before + 4, server.hits("/" + vimFile));
        assertNothingInstalled(root);
    }

    @Test
    void serverErrorsThenSuccessInstall() throws Exception {
        server.fault("/" + vimFile, new Fault.FailFirst(1, 503));
        Path root = work.resolve("recovers");
        IsnResult r = install(root).assertSuccess();

        assertTrue(Files.exists(root.resolve("usr/bin/vim")), r::describe);
        assertEquals(List.of(), partials(root));
    }

    private static IsnResult install(Path root) throws Exception {
        return isn().run("--root", root.toString(), "--initdb", "--keys-dir", trusted.toString(),
                "-X", server.baseUri().toString(), "install", "vim");
    }

    private static void assertNothingInstalled(Path root) throws Exception {
        assertFalse(Files.exists(root.resolve("usr/bin/vim")), "vim must not be installed");
        assertEquals(List.of(), partials(root), "no partial download left in the root");
    }

    private static List<Path> partials(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".isn-part")).toList();
        }
    }
}
