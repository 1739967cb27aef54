package dev.kimigayo.isn.core.plan;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A {@link LibraryRepo}'s folder served over HTTP on 127.0.0.1, so that an install really
 * downloads its index and package files; a test may replace what one path answers.
 */
final class ServedRepo implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, byte[]> replaced = new ConcurrentHashMap<>();

    ServedRepo(Path folder) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", ex -> {
            try (ex) {
                String name = ex.getRequestURI().getPath().substring(1);
                Path file = folder.resolve(name).normalize();
                byte[] body = replaced.containsKey(name) ? replaced.get(name)
                        : file.startsWith(folder) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
                if (body == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    /** The repository's URL. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** From now on the file {@code name} is answered with {@code body}. */
    void replace(String name, byte[] body) {
        replaced.put(name, body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
