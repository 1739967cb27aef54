package dev.kimigayo.isn.e2e.engine;

import static dev.kimigayo.isn.e2e.harness.IsnProcess.isn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.kimigayo.isn.e2e.harness.FaultServer;
import dev.kimigayo.isn.e2e.harness.TempDirs;

/**
 * JUnit 5 extension giving a test class the signed sample repository served over HTTP by a
 * {@link FaultServer} it can make stall, and the name of vim's package file: what the tests of
 * stalled and interrupted downloads share, with the checks that such a download left nothing
 * behind. {@code @RegisterExtension static final ServedSample SAMPLE = new ServedSample();}
 */
public final class ServedSample implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private SignedRepo repo;
    private FaultServer server;
    private String vimFile;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("isn-sample-");
        repo = SignedRepo.sample(dir.resolve("sample"));
        try (Stream<Path> s = Files.list(repo.repo)) {
            vimFile = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("vim-9") && n.endsWith(".isn")).findFirst().orElseThrow();
        }
        server = FaultServer.start(repo.repo);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        TempDirs.closeThenDelete(server, dir);
    }

    /** The signed repository (its folder, keys and trusted keys). */
    public SignedRepo repo() {
        return repo;
    }

    /** The server of the repository's folder. */
    public FaultServer server() {
        return server;
    }

    /** The file name of the vim package (not vim-common or vim-doc), the one the download tests stall. */
    public String vimFile() {
        return vimFile;
    }

    /** A new root at {@code root} trusting the repository at {@code url} (this server's or another), updated. */
    public Path updatedRoot(Path root, String url) throws Exception {
        isn().runAt(root, "--initdb", "--keys-dir", repo.trusted.toString(), "-X", url, "update").assertSuccess();
        SignedRepo.remember(root, url); // -X is for one command: keep it, as etc/isn/repositories would
        return root;
    }

    /** The state of {@code root} without the package cache, where verified downloads may stay for next time. */
    public static Map<String, String> withoutPackageCache(Path root) throws Exception {
        Map<String, String> tree = RootTree.withState(root);
        tree.keySet().removeIf(k -> k.startsWith("var/cache/isn/packages"));
        return tree;
    }

    /** The partial downloads left under {@code root}: none, after a download stopped for any reason. */
    public static List<Path> partials(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().contains(".isn-part")).toList();
        }
    }
}
