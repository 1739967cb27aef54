package dev.kimigayo.isn.core.fetch;

import static dev.kimigayo.isn.core.fetch.Fixtures.body;
import static dev.kimigayo.isn.core.fetch.Fixtures.listing;
import static dev.kimigayo.isn.core.fetch.Fixtures.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.kimigayo.isn.core.fetch.FetchException.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code file://} repositories follow the same rules as HTTP ones. */
class FileFetchTest {

    private static final byte[] DATA = body(70_000);

    @TempDir
    Path repo;

    @TempDir
    Path cache;

    private final Fetcher fetcher = new Fetcher(Fixtures.fast(new Fixtures.RecordingSleeper()));
    private Path source;

    @BeforeEach
    void publish() throws Exception {
        source = Files.write(repo.resolve("a.isn"), DATA);
    }

    @Test
    void copiesVerifiesAndOffersLastModified() throws Exception {
        Path dest = cache.resolve("a.isn");
        FetchResult r = fetcher.fetch(FetchRequest.of(source.toUri(), dest, DATA.length).withSha256(sha256(DATA)));

        assertEquals(FetchResult.Status.FETCHED, r.status());
        assertEquals(sha256(DATA), r.sha256());
        assertArrayEquals(DATA, Files.readAllBytes(dest));
        assertTrue(r.validators().lastModified().endsWith(" GMT"), r.validators().toString());

        FetchResult again = fetcher.fetch(FetchRequest.of(source.toUri(), dest, DATA.length)
                .withValidators(r.validators()));
        assertEquals(FetchResult.Status.NOT_MODIFIED, again.status());
    }

    @Test
    void wrongHashLeavesNothing() throws Exception {
        Path dest = cache.resolve("a.isn");
        String zeros = "0".repeat(64);
        DigestMismatchException e = assertThrows(DigestMismatchException.class,
                () -> fetcher.fetch(FetchRequest.of(source.toUri(), dest, DATA.length).withSha256(zeros)));
        assertEquals(sha256(DATA), e.actual());
        assertEquals(List.of(), listing(cache));
    }

    @Test
    void missingFileIsNotFoundAndNotRetried() {
        Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();
        Fetcher f = new Fetcher(Fixtures.fast(sleeper));
        FetchException e = assertThrows(FetchException.class,
                () -> f.fetch(FetchRequest.of(repo.resolve("nope.isn").toUri(), cache.resolve("nope.isn"), 10)));
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().startsWith("no such file: " + repo.resolve("nope.isn")), e.getMessage());
        assertTrue(sleeper.delays.isEmpty());
    }

    @Test
    void fileLargerThanTheCapIsRefused() {
        SizeLimitExceededException e = assertThrows(SizeLimitExceededException.class,
                () -> fetcher.fetch(FetchRequest.of(source.toUri(), cache.resolve("a.isn"), 1000)));
        assertEquals(DATA.length, e.announced());
    }

    @Test
    void requestRefusesOtherSchemesAndMalformedHashes() {
        IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class,
                () -> FetchRequest.of(java.net.URI.create("ftp://example.org/a.isn"), cache.resolve("a"), 1));
        assertTrue(scheme.getMessage().contains("use http, https or file"));
        assertThrows(IllegalArgumentException.class,
                () -> FetchRequest.of(source.toUri(), cache.resolve("a"), 1).withSha256("abc"));
    }
}
