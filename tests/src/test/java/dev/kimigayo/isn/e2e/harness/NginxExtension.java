package dev.kimigayo.isn.e2e.harness;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving a test class one nginx serving a fresh empty directory:
 * {@code @RegisterExtension static final NginxExtension NGINX = new NginxExtension();}, then
 * write files under {@code NGINX.root()} and fetch them from {@code NGINX.server().uri(path)}.
 */
public final class NginxExtension implements BeforeAllCallback, AfterAllCallback {

    private Path root;
    private NginxServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        root = Files.createTempDirectory("isn-www-");
        server = NginxServer.start(root);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        TempDirs.closeThenDelete(server, root);
    }

    /** The running server. */
    public NginxServer server() {
        return server;
    }

    /** The directory nginx serves; tests publish repositories here. */
    public Path root() {
        return root;
    }
}
