package dev.kimigayo.isn.e2e.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real nginx binary serving a directory on 127.0.0.1 with a free port, ETag and
 * Last-Modified on, every file it writes (config, logs, pid, temp paths) inside a private temp
 * directory; works as root and as an ordinary user. Close it to stop nginx.
 */
public final class NginxServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final int BIND_ATTEMPTS = 3;

    private final Process process;
    private final Path prefix;
    private final Path root;
    private final int port;
    private final Thread reaper;

    private NginxServer(Process process, Path prefix, Path root, int port) {
        this.process = process;
        this.prefix = prefix;
        this.root = root;
        this.port = port;
        // With "daemon off" nginx would outlive a test JVM that exits without close(): stop it then.
        this.reaper = new Thread(() -> stop(process), "nginx-reaper-" + port);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** The nginx binary: system property {@code isn.nginx}, else {@code /usr/sbin/nginx}. */
    public static Path binary() {
        return Path.of(System.getProperty("isn.nginx", "/usr/sbin/nginx"));
    }

    /** Starts nginx serving {@code root} and returns once it answers TCP connections. */
    public static NginxServer start(Path root) throws IOException {
        Path nginx = binary();
        if (!Files.isExecutable(nginx)) {
            throw new IllegalStateException("nginx not found at " + nginx
                    + ": install it (apt-get install nginx; .ci/run does) or set -Disn.nginx=PATH");
        }
        Path prefix = Files.createTempDirectory("isn-nginx-");
        IOException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int port = freePort();
            Path conf = prefix.resolve("nginx.conf");
            Files.writeString(conf, NginxConfig.render(prefix, root.toAbsolutePath(), port));
            Process p = new ProcessBuilder(nginx.toString(), "-p", prefix.toString(), "-c", conf.toString(),
                    "-e", prefix.resolve("error.log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("stdout.log").toFile())
                    .start();
            try {
                awaitListening(p, port, prefix);
                return new NginxServer(p, prefix, root, port);
            } catch (IOException e) {
                // Most likely another process took the port between probe and bind: try another.
                stop(p);
                last = e;
            }
        }
        throw last;
    }

    /** The port nginx listens on. */
    public int port() {
        return port;
    }

    /** The directory nginx serves. */
    public Path root() {
        return root;
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The URL of a path relative to the served root, e.g. {@code uri("repo/INDEX.json")}. */
    public URI uri(String relativePath) {
        return baseUri().resolve(relativePath.startsWith("/") ? relativePath.substring(1) : relativePath);
    }

    /** nginx's error log so far, for assertion messages. */
    public String errorLog() throws IOException {
        return readIfExists(prefix.resolve("error.log"));
    }

    /** nginx's access log so far (one line per request), to assert on what a client asked for. */
    public List<String> accessLog() throws IOException {
        Path log = prefix.resolve("access.log");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    /**
     * The access log once {@code condition} holds (polled for up to 5 s, since nginx writes a
     * line only after the response has gone out), or as it is when time runs out.
     */
    public List<String> accessLogWhen(java.util.function.Predicate<List<String>> condition) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> log = accessLog();
        while (!condition.test(log) && System.nanoTime() < deadline) {
            sleepBriefly();
            log = accessLog();
        }
        return log;
    }

    /** Stops nginx (SIGTERM, then SIGKILL after 5 s) and removes its private directory. */
    @Override
    public void close() throws IOException {
        stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or ran: nothing left to remove.
        }
        TempDirs.deleteRecursively(prefix);
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitListening(Process p, int port, Path prefix) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("nginx exited with status " + p.exitValue() + " at start; its log:\n"
                        + readIfExists(prefix.resolve("stdout.log")) + readIfExists(prefix.resolve("error.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                if (p.isAlive()) {
                    return;
                }
                // Something else answered on the port and nginx died: report it on the next turn.
            } catch (IOException notYet) {
                sleepBriefly();
            }
        }
        throw new IOException("nginx did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT
                + "; its log:\n" + readIfExists(prefix.resolve("error.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
