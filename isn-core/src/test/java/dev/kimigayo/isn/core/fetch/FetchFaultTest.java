package dev.kimigayo.isn.core.fetch;

import static dev.kimigayo.isn.core.fetch.Fixtures.body;
import static dev.kimigayo.isn.core.fetch.Fixtures.listing;
import static dev.kimigayo.isn.core.fetch.Fixtures.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.core.fetch.FetchException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every fault the fetcher must survive: each leaves the destination untouched and no temp file. */
class FetchFaultTest {

    private static final byte[] DATA = body(10_000);

    @TempDir
    Path dir;

    private FaultyServer server;
    private Fixtures.RecordingSleeper sleeper;
    private Fetcher fetcher;
    private Path dest;

    @BeforeEach
    void start() throws Exception {
        server = new FaultyServer();
        sleeper = new Fixtures.RecordingSleeper();
        fetcher = new Fetcher(Fixtures.fast(sleeper));
        dest = dir.resolve("a.isn");
        Files.writeString(dest, "previous version");
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void stallMidBodyFailsAfterTheStallTimeoutAndIsRetried() throws Exception {
        server.stall("/a.isn", DATA, 1000);
        fetcher.close();
        // One second: long enough that a loaded machine still sees the headers in time.
        fetcher = new Fetcher(Fixtures.fast(sleeper).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1))
                .withRetries(2, Duration.ofSeconds(3), Duration.ofSeconds(30)));
        FetchException e = assertThrows(FetchException.class, () -> get("/a.isn", DATA.length));

        assertEquals(Reason.STALLED, e.reason());
        assertEquals(2, e.attempts());
        assertEquals(2, server.hits("/a.isn"));
        assertEquals(List.of(Duration.ofSeconds(3)), sleeper.delays);
        assertTrue(e.getMessage().contains("no data from " + server.uri("/a.isn") + " for 1 s after 1000 of 10000 bytes"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("(gave up after 2 attempts)"), e.getMessage());
        assertUntouched();
    }

    @Test
    void truncatedBodyIsRetriedThenReported() throws Exception {
        server.truncate("/a.isn", DATA, 100);
        FetchException e = assertThrows(FetchException.class, () -> get("/a.isn", DATA.length));

        assertEquals(Reason.TRUNCATED, e.reason());
        assertEquals("fetch-truncated", e.code());
        assertEquals(IsnException.Kind.FETCH, e.kind());
        assertEquals(4, server.hits("/a.isn"));
        assertTrue(e.getMessage().contains("connection closed early by " + server.uri("/a.isn") + " after 100 of 10000 bytes"),
                e.getMessage());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.delays);
        assertUntouched();
    }

    @Test
    void wrongBytesAreAnIntegrityFailureNotRetried() throws Exception {
        byte[] wrong = DATA.clone();
        wrong[5000] ^= 1;
        server.file("/a.isn", wrong, "\"x\"");
        DigestMismatchException e = assertThrows(DigestMismatchException.class,
                () -> fetcher.fetch(FetchRequest.of(server.uri("/a.isn"), dest, DATA.length).withSha256(sha256(DATA))));

        assertEquals(IsnException.Kind.INTEGRITY, e.kind());
        assertEquals("hash-mismatch", e.code());
        assertEquals(server.uri("/a.isn"), e.url());
        assertEquals(sha256(DATA), e.expected());
        assertEquals(sha256(wrong), e.actual());
        assertTrue(e.getMessage().contains("expected " + sha256(DATA) + ", got " + sha256(wrong)), e.getMessage());
        assertEquals(1, server.hits("/a.isn"));
        assertUntouched();
    }

    @Test
    void endlessBodyIsCutAtTheCap() throws Exception {
        server.endless("/a.isn");
        SizeLimitExceededException e = assertThrows(SizeLimitExceededException.class, () -> get("/a.isn", 100_000));

        assertEquals(IsnException.Kind.INTEGRITY, e.kind());
        assertEquals(100_000, e.limit());
        assertEquals(-1, e.announced());
        assertTrue(e.getMessage().contains("sent more than the 100000 bytes allowed"), e.getMessage());
        assertEquals(1, server.hits("/a.isn"));
        assertUntouched();
    }

    @Test
    void announcedLengthOverTheCapIsRefusedBeforeReading() throws Exception {
        server.file("/a.isn", DATA, "\"x\"");
        SizeLimitExceededException e = assertThrows(SizeLimitExceededException.class, () -> get("/a.isn", 9_999));

        assertEquals(10_000, e.announced());
        assertTrue(e.getMessage().contains("announces 10000 bytes, more than the 9999 allowed"), e.getMessage());
        assertUntouched();
    }

    @Test
    void serverErrorThenSuccessIsRetriedWithBackoff() throws Exception {
        server.failing("/a.isn", 2, 503, DATA);
        FetchResult r = get("/a.isn", DATA.length);

        assertEquals(FetchResult.Status.FETCHED, r.status());
        assertEquals(3, r.attempts());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.delays);
        assertEquals(new String(DATA, java.nio.charset.StandardCharsets.ISO_8859_1),
                Files.readString(dest, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void notFoundIsReportedAtOnceWithAClearMessage() {
        FetchException e = assertThrows(FetchException.class, () -> get("/missing.isn", 10));

        assertEquals(Reason.HTTP_STATUS, e.reason());
        assertEquals(404, e.httpStatus());
        assertEquals(1, e.attempts());
        assertEquals(1, server.hits("/missing.isn"));
        assertEquals(server.uri("/missing.isn") + " answered HTTP 404 (not found: check the repository URL,"
                + " or run 'isn update' if the index is out of date)", e.getMessage());
        assertTrue(sleeper.delays.isEmpty());
    }

    @Test
    void redirectToAnotherHostIsRefusedNamingBoth() throws Exception {
        URI elsewhere = URI.create("http://localhost:" + server.port() + "/a.isn");
        server.redirect("/a.isn", elsewhere.toString());
        FetchException e = assertThrows(FetchException.class, () -> get("/a.isn", DATA.length));

        assertEquals(Reason.REDIRECT_REFUSED, e.reason());
        assertTrue(e.getMessage().contains(server.uri("/a.isn") + " redirects to " + elsewhere
                + " on another host (127.0.0.1 -> localhost)"), e.getMessage());
        assertEquals(1, server.hits("/a.isn"));
        assertUntouched();
    }

    @Test
    void redirectLoopStopsAtTheLimit() {
        server.redirect("/a.isn", "/a.isn");
        FetchException e = assertThrows(FetchException.class, () -> get("/a.isn", DATA.length));

        assertEquals(Reason.REDIRECT_REFUSED, e.reason());
        assertTrue(e.getMessage().contains("redirects more than 5 times"), e.getMessage());
        assertEquals(6, server.hits("/a.isn"));
    }

    @Test
    void refusedConnectionIsRetriedOnceThenReported() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + closedPort + "/a.isn");
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(FetchRequest.of(uri, dest, 10)));

        assertEquals(Reason.CONNECT, e.reason());
        // One retry after the first backoff, not the whole schedule: a dead repository costs ~1 s.
        assertEquals(2, e.attempts());
        assertEquals(1, sleeper.delays.size(), sleeper.delays::toString);
        assertTrue(e.getMessage().startsWith("cannot connect to fetch " + uri), e.getMessage());
        assertUntouched();
    }

    @Test
    void tlsFailureIsReportedAtOnceNotRetried() throws Exception {
        // A server that answers plain text to a TLS hello fails the handshake, as an untrusted certificate does.
        try (ServerSocket plain = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread answerer = new Thread(() -> {
                while (!plain.isClosed()) {
                    try (java.net.Socket s = plain.accept()) {
                        s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            answerer.setDaemon(true);
            answerer.start();
            URI https = URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/a.isn");
            FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(FetchRequest.of(https, dest, 100)));

            assertEquals(Reason.TLS, e.reason(), e::getMessage);
            assertEquals(1, e.attempts());
            assertTrue(e.getMessage().startsWith("TLS handshake with 127.0.0.1 failed for " + https), e.getMessage());
            assertTrue(sleeper.delays.isEmpty());
            assertUntouched();
        }
    }

    @Test
    void unexpected304WithoutValidatorsIsAnError() {
        server.on("/a.isn", (ex, hit) -> ex.sendResponseHeaders(304, -1));
        FetchException e = assertThrows(FetchException.class, () -> get("/a.isn", 10));
        assertEquals(304, e.httpStatus());
    }

    private FetchResult get(String path, long max) throws IsnException {
        return fetcher.fetch(FetchRequest.of(server.uri(path), dest, max));
    }

    private void assertUntouched() throws Exception {
        assertEquals("previous version", Files.readString(dest));
        assertEquals(List.of("a.isn"), listing(dir), "no temporary file left");
    }
}
