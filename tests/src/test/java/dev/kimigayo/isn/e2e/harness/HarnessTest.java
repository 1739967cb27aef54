package dev.kimigayo.isn.e2e.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.kimigayo.isn.core.fetch.DigestMismatchException;
import dev.kimigayo.isn.core.fetch.FetchException;
import dev.kimigayo.isn.core.fetch.FetchRequest;
import dev.kimigayo.isn.core.fetch.FetchResult;
import dev.kimigayo.isn.core.fetch.FetchSettings;
import dev.kimigayo.isn.core.fetch.Fetcher;
import dev.kimigayo.isn.core.fetch.SizeLimitExceededException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Proves the end-to-end harness: real nginx, the fault server, and the packaged launcher. */
class HarnessTest {

    @RegisterExtension
    static final NginxExtension NGINX = new NginxExtension();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).proxy(HttpClient.Builder.NO_PROXY).build();

    @Test
    void nginxServesFilesWithETagAndAnswers304ToAMatchingValidator() throws Exception {
        Path file = NGINX.root().resolve("repo/hello.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "hello, isn\n");

        HttpResponse<String> first = get(NGINX.server().uri("repo/hello.txt"), null);
        assertEquals(200, first.statusCode(), () -> log());
        assertEquals("hello, isn\n", first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(first.headers().firstValue("Last-Modified").isPresent());

        HttpResponse<String> second = get(NGINX.server().uri("repo/hello.txt"), etag);
        assertEquals(304, second.statusCode());
        assertEquals(2, NGINX.server().accessLogWhen(log -> hello(log) >= 2).stream()
                .filter(l -> l.contains("/repo/hello.txt")).count(), "nginx logged both requests");
    }

    @Test
    void coreFetcherDownloadsFromNginxThenGetsNotModified(@TempDir Path cache) throws Exception {
        byte[] data = "package bytes\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(NGINX.root().resolve("main"));
        Files.write(NGINX.root().resolve("main/a.isn"), data);
        Path dest = cache.resolve("a.isn");
        try (Fetcher fetcher = new Fetcher(FetchSettings.defaults())) {
            FetchRequest request = FetchRequest.of(NGINX.server().uri("main/a.isn"), dest, data.length)
                    .withSha256(sha256(data));
            FetchResult first = fetcher.fetch(request);
            assertEquals(FetchResult.Status.FETCHED, first.status(), () -> log());
            assertArrayEquals(data, Files.readAllBytes(dest));
            assertTrue(first.validators().etag() != null && first.validators().lastModified() != null,
                    first.validators()::toString);

            FetchResult second = fetcher.fetch(request.withValidators(first.validators()));
            assertEquals(FetchResult.Status.NOT_MODIFIED, second.status());
            assertEquals(first.validators().etag(), second.validators().etag());
        }
        assertTrue(NGINX.server().accessLogWhen(log -> log.stream().anyMatch(HarnessTest::is304)).stream()
                .anyMatch(HarnessTest::is304), "nginx answered 304");
    }

    @Test
    void faultServerInjectsEachFault(@TempDir Path dir) throws Exception {
        byte[] body = new byte[10_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        Files.write(dir.resolve("a.bin"), body);
        try (FaultServer faults = FaultServer.start(dir)) {
            assertArrayEquals(body, bytes(faults.uri("/a.bin")).body());

            faults.fault("/a.bin", new Fault.WrongBytes());
            byte[] wrong = bytes(faults.uri("/a.bin")).body();
            assertEquals(body.length, wrong.length);
            assertNotEquals(body[5000], wrong[5000]);

            faults.fault("/a.bin", new Fault.TruncateAfter(100));
            assertThrows(IOException.class, () -> bytes(faults.uri("/a.bin")));

            faults.fault("/a.bin", new Fault.RedirectTo(faults.uriViaLocalhost("/b.bin")));
            HttpResponse<byte[]> redirect = bytes(faults.uri("/a.bin"));
            assertEquals(302, redirect.statusCode());
            assertEquals("http://localhost:" + faults.port() + "/b.bin",
                    redirect.headers().firstValue("Location").orElseThrow());

            faults.fault("/a.bin", new Fault.FailFirst(1, 503));
            int before = faults.hits("/a.bin");
            assertEquals(503, bytes(faults.uri("/a.bin")).statusCode());
            assertEquals(200, bytes(faults.uri("/a.bin")).statusCode());
            assertEquals(before + 2, faults.hits("/a.bin"));
        }
    }

    @Test
    void faultServerFaultsReachTheCoreFetcherAsTheirErrors(@TempDir Path dir) throws Exception {
        byte[] data = "0123456789".repeat(2000).getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("a.isn"), data);
        Path dest = Files.createDirectories(dir.resolve("cache")).resolve("a.isn");
        FetchSettings once = FetchSettings.defaults().withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1));
        try (FaultServer faults = FaultServer.start(dir); Fetcher fetcher = new Fetcher(once);
                Fetcher impatient = new Fetcher(once.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(1)))) {
            FetchRequest request = FetchRequest.of(faults.uri("/a.isn"), dest, data.length).withSha256(sha256(data));

            faults.fault("/a.isn", new Fault.StallAfter(500));
            FetchException stalled = assertThrows(FetchException.class, () -> impatient.fetch(request));
            assertEquals(FetchException.Reason.STALLED, stalled.reason(), stalled::getMessage);

            faults.fault("/a.isn", new Fault.Endless());
            assertThrows(SizeLimitExceededException.class, () -> fetcher.fetch(request));

            faults.fault("/a.isn", new Fault.WrongBytes());
            assertThrows(DigestMismatchException.class, () -> fetcher.fetch(request));

            faults.fault("/a.isn", new Fault.RedirectTo(faults.uriViaLocalhost("/a.isn")));
            FetchException redirect = assertThrows(FetchException.class, () -> fetcher.fetch(request));
            assertEquals(FetchException.Reason.REDIRECT_REFUSED, redirect.reason());

            faults.clearFaults();
            assertEquals(FetchResult.Status.FETCHED, fetcher.fetch(request).status());
        }
        assertArrayEquals(data, Files.readAllBytes(dest));
        assertEquals(List.of("a.isn"), Files.list(dest.getParent()).map(p -> p.getFileName().toString()).toList(),
                "no partial downloads left by the failures");
    }

    @Test
    void launcherRunsTheBuiltCliAndReportsExitCodes() throws Exception {
        IsnResult help = IsnProcess.isn().run("--help").assertSuccess();
        assertTrue(help.stdout().contains("Exit codes:"), help::describe);

        IsnResult bad = IsnProcess.isn().run("--no-such-option");
        assertEquals(2, bad.exitCode(), bad::describe);
        assertTrue(bad.stderr().contains("--no-such-option"), bad::describe);
    }

    @Test
    void startedProcessCanBeKilledAndATimeoutFailsWithTheOutput(@TempDir Path dir) throws Exception {
        // A stand-in JVM that prints and hangs: tests the harness, not isn.
        Path fakeJava = dir.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\necho \"started $*\" >&2\nexec sleep 30\n");
        fakeJava.toFile().setExecutable(true);
        IsnProcess hanging = IsnProcess.isn().withEnv("ISN_JAVA", fakeJava.toString()).withWorkingDir(dir);

        RunningIsn running = hanging.start("install", "vim");
        while (!running.stderrSoFar().contains("started")) {
            Thread.sleep(10);
        }
        IsnResult killed = running.kill();
        assertEquals(137, killed.exitCode(), killed::describe);
        assertTrue(killed.stderr().contains("install vim"), killed::describe);

        AssertionError timeout = assertThrows(AssertionError.class,
                () -> hanging.withTimeout(Duration.ofMillis(500)).run("update"));
        assertTrue(timeout.getMessage().contains("did not finish within PT0.5S"), timeout.getMessage());
    }

    private static long hello(List<String> log) {
        return log.stream().filter(l -> l.contains("/repo/hello.txt")).count();
    }

    private static boolean is304(String line) {
        return line.contains("GET /main/a.isn") && line.contains(" 304 ");
    }

    private static String sha256(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    }

    private HttpResponse<String> get(URI uri, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> bytes(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String log() {
        try {
            return NGINX.server().errorLog();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
