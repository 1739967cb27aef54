package dev.kimigayo.isn.core.fetch;

import static dev.kimigayo.isn.core.fetch.Fixtures.body;
import static dev.kimigayo.isn.core.fetch.Fixtures.listing;
import static dev.kimigayo.isn.core.fetch.Fixtures.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.kimigayo.isn.core.fetch.FetchException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Fetcher#fetchAll}: bounded concurrency, ordered results, fail fast with clean-up. */
class ParallelFetchTest {

    @TempDir
    Path dir;

    private final FaultyServer server = newServer();
    private final Fetcher fetcher = new Fetcher(FetchSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withSleeper(new Fixtures.RecordingSleeper()));

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void runsAtMostTheBoundAtOnceAndKeepsRequestOrder() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<FetchRequest> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] data = body(1000 + i);
            server.on("/p" + i, (ex, hit) -> {
                peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(100);
                    FaultyServer.send(ex, data);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
            requests.add(FetchRequest.of(server.uri("/p" + i), dir.resolve("p" + i), data.length).withSha256(sha256(data)));
        }

        List<FetchResult> results = fetcher.fetchAll(requests, 3);

        assertEquals(8, results.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(dir.resolve("p" + i), results.get(i).destination());
            assertArrayEquals(body(1000 + i), Files.readAllBytes(dir.resolve("p" + i)));
        }
        assertTrue(peak.get() <= 3, "peak concurrency " + peak.get());
        assertTrue(peak.get() >= 2, "requests did overlap: " + peak.get());
    }

    @Test
    void firstFailureCancelsTheOthersAndLeavesNoPartialFile() throws Exception {
        byte[] big = body(1_000_000);
        List<FetchRequest> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // Slow bodies: 1 KiB every 20 ms, so they are mid-transfer when the failure arrives.
            server.on("/slow" + i, (ex, hit) -> {
                ex.sendResponseHeaders(200, big.length);
                OutputStream out = ex.getResponseBody();
                for (int off = 0; off < big.length; off += 1024) {
                    out.write(big, off, 1024);
                    out.flush();
                    sleep(20);
                }
            });
            requests.add(FetchRequest.of(server.uri("/slow" + i), dir.resolve("slow" + i), big.length));
        }
        server.on("/broken", (ex, hit) -> {
            sleep(300);
            FaultyServer.status(ex, 404);
        });
        requests.add(1, FetchRequest.of(server.uri("/broken"), dir.resolve("broken"), 10));

        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetchAll(requests, 4));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(Reason.HTTP_STATUS, e.reason());
        assertEquals(server.uri("/broken"), e.url());
        assertTrue(millis < 5000, "failed fast, in " + millis + " ms");
        assertEquals(List.of(), listing(dir), "cancelled downloads removed their temporary files");
    }

    @Test
    void refusesTwoRequestsForOneDestination() {
        FetchRequest a = FetchRequest.of(server.uri("/a"), dir.resolve("x"), 1);
        assertThrows(IllegalArgumentException.class, () -> fetcher.fetchAll(List.of(a, a), 2));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static FaultyServer newServer() {
        try {
            return new FaultyServer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
