package dev.kimigayo.isn.core.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HttpServer on 127.0.0.1 whose every path is scripted by a test: good files with ETag and
 * Last-Modified (answering 304 to matching validators), stalls, truncation, endless bodies,
 * error statuses and redirects. It records hits and the last request headers per path.
 */
final class FaultyServer implements AutoCloseable {

    static final String LAST_MODIFIED = "Wed, 21 Oct 2026 07:28:00 GMT";

    /** How one path answers; {@code hit} counts this path's requests from 1. */
    interface Behaviour {
        void answer(HttpExchange ex, int hit) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Behaviour> paths = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, Headers> lastHeaders = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    FaultyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            int hit = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            lastHeaders.put(path, ex.getRequestHeaders());
            try (ex) {
                Behaviour b = paths.getOrDefault(path, (e, h) -> status(e, 404));
                b.answer(ex, hit);
            }
        });
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** The headers of the last request for {@code path} (case-insensitive lookup). */
    Headers lastHeaders(String path) {
        return lastHeaders.get(path);
    }

    FaultyServer on(String path, Behaviour behaviour) {
        paths.put(path, behaviour);
        return this;
    }

    /** Serves {@code body} with ETag {@code etag}; answers 304 when If-None-Match matches. */
    FaultyServer file(String path, byte[] body, String etag) {
        return on(path, (ex, hit) -> {
            ex.getResponseHeaders().set("ETag", etag);
            ex.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            send(ex, body);
        });
    }

    /** Announces {@code body.length}, sends {@code after} bytes, then says nothing until closed. */
    FaultyServer stall(String path, byte[] body, int after) {
        return on(path, (ex, hit) -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body, 0, after);
            ex.getResponseBody().flush();
            awaitClose();
            throw new IOException("stall released");
        });
    }

    /** Announces {@code body.length}, sends {@code after} bytes, then drops the connection. */
    FaultyServer truncate(String path, byte[] body, int after) {
        return on(path, (ex, hit) -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body, 0, after);
            ex.getResponseBody().flush();
            throw new IOException("truncated on purpose"); // closing early drops the connection
        });
    }

    /** A chunked body that never ends (until the client hangs up). */
    FaultyServer endless(String path) {
        return on(path, (ex, hit) -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            byte[] chunk = new byte[16 * 1024];
            while (closing.getCount() > 0) {
                out.write(chunk);
            }
        });
    }

    /** Answers {@code status} to the first {@code times} requests, then serves {@code body}. */
    FaultyServer failing(String path, int times, int status, byte[] body) {
        return on(path, (ex, hit) -> {
            if (hit <= times) {
                status(ex, status);
            } else {
                send(ex, body);
            }
        });
    }

    FaultyServer redirect(String path, String location) {
        return on(path, (ex, hit) -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(302, -1);
        });
    }

    static void send(HttpExchange ex, byte[] body) throws IOException {
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static void status(HttpExchange ex, int status) throws IOException {
        send0(ex, status, ("status " + status + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void send0(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    void awaitClose() {
        try {
            closing.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
