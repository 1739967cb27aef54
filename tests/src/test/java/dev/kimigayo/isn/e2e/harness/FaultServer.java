package dev.kimigayo.isn.e2e.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HttpServer on 127.0.0.1 serving files from a directory, with per-path {@link Fault}
 * rules for the cases nginx will not produce: stalls, truncation, wrong bytes, redirects to
 * another host, error statuses. Paths without a rule are served normally.
 */
public final class FaultServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Path root;
    private final Map<String, Rule> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, java.util.List<String>> ranges = new ConcurrentHashMap<>();
    private volatile Fault everyPath;
    private final CountDownLatch closing = new CountDownLatch(1);

    private FaultServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on a free port serving the files under {@code root}. */
    public static FaultServer start(Path root) throws IOException {
        return new FaultServer(root);
    }

    /** Applies {@code fault} to every later request (FailFirst counts from now) for {@code path} (e.g. {@code "/repo/a.isn"}). */
    public FaultServer fault(String path, Fault fault) {
        faults.put(normalise(path), new Rule(fault, new AtomicInteger()));
        return this;
    }

    /** Applies {@code fault} to every path without a rule of its own (null: none). */
    public FaultServer faultEverywhere(Fault fault) {
        everyPath = fault;
        return this;
    }

    /** Removes every fault rule. */
    public void clearFaults() {
        faults.clear();
        everyPath = null;
    }

    /** The {@code Range} headers of the requests for {@code path}, in order. */
    public java.util.List<String> ranges(String path) {
        return java.util.List.copyOf(ranges.getOrDefault(normalise(path), java.util.List.of()));
    }

    /** How many requests arrived for {@code path}. */
    public int hits(String path) {
        AtomicInteger n = hits.get(normalise(path));
        return n == null ? 0 : n.get();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** The URL of {@code path} on this server. */
    public URI uri(String path) {
        return baseUri().resolve(normalise(path).substring(1));
    }

    /** The same URL through the host name {@code localhost}: a different host for redirect tests. */
    public URI uriViaLocalhost(String path) {
        return URI.create("http://localhost:" + port() + normalise(path));
    }

    /** Stops the server, releasing any stalled responses. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = normalise(ex.getRequestURI().getPath());
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Rule rule = faults.get(path);
        Fault fault = rule == null ? everyPath : rule.fault();
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range != null) {
            ranges.computeIfAbsent(path, p -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(range);
        }
        int hit = rule == null ? 0 : rule.requests().incrementAndGet();
        try (ex) {
            if (fault instanceof Fault.RedirectTo r) {
                ex.getResponseHeaders().set("Location", r.target().toString());
                ex.sendResponseHeaders(302, -1);
                return;
            }
            if (fault instanceof Fault.Status s) {
                text(ex, s.status(), "fault: status " + s.status() + "\n");
                return;
            }
            if (fault instanceof Fault.StallHeaders) {
                FaultyBody.awaitQuietly(closing);
                return;
            }
            if (fault instanceof Fault.FailFirst f && hit <= f.times()) {
                text(ex, f.status(), "fault: failure " + hit + " of " + f.times() + "\n");
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                text(ex, 404, "not found: " + path + "\n");
                return;
            }
            String etag = "\"" + Long.toHexString(Files.size(file)) + "-"
                    + Long.toHexString(Files.getLastModifiedTime(file).toMillis()) + "\"";
            ex.getResponseHeaders().set("ETag", etag);
            if (fault instanceof Fault.DropOnce d && hit == 1) {
                FaultyBody.send(ex, Files.readAllBytes(file), new Fault.TruncateAfter(d.bytes()), closing);
                return;
            }
            if (fault == null || fault instanceof Fault.DropOnce) {
                byte[] body = Files.readAllBytes(file);
                String ifRange = ex.getRequestHeaders().getFirst("If-Range");
                if (range != null && range.matches("bytes=\\d+-") && (ifRange == null || ifRange.equals(etag))) {
                    int from = Integer.parseInt(range.substring(6, range.length() - 1));
                    if (from < body.length) {
                        ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/"
                                + body.length);
                        ex.sendResponseHeaders(206, body.length - from);
                        try (OutputStream out = ex.getResponseBody()) {
                            out.write(body, from, body.length - from);
                        }
                        return;
                    }
                }
            }
            FaultyBody.send(ex, Files.readAllBytes(file), fault, closing);
        }
    }

    private static void text(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String normalise(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    private record Rule(Fault fault, AtomicInteger requests) {
    }

    /** Writes a file's bytes the way a fault rule says. */
    private static final class FaultyBody {

        private FaultyBody() {
        }

        static void send(HttpExchange ex, byte[] body, Fault fault, CountDownLatch closing) throws IOException {
            if (fault instanceof Fault.Endless) {
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                out.write(body);
                byte[] filler = new byte[8192];
                while (closing.getCount() > 0) {
                    out.write(filler); // ends when the client hangs up (IOException) or the server closes
                }
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            if (fault instanceof Fault.StallAfter s) {
                out.write(body, 0, (int) Math.min(s.bytes(), body.length));
                out.flush();
                awaitQuietly(closing);
                throw new IOException("stall released");
            }
            if (fault instanceof Fault.TruncateAfter t) {
                out.write(body, 0, (int) Math.min(t.bytes(), body.length));
                out.flush();
                // Closing a fixed-length body early makes the JDK server drop the connection.
                throw new IOException("truncated on purpose");
            }
            if (fault instanceof Fault.WrongBytes && body.length > 0) {
                body = body.clone();
                body[body.length / 2] ^= 0x5a;
            }
            out.write(body);
            out.close();
        }

        private static void awaitQuietly(CountDownLatch closing) {
            try {
                closing.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
