package dev.kimigayo.isn.core.fetch;

import static dev.kimigayo.isn.core.fetch.Fixtures.body;
import static dev.kimigayo.isn.core.fetch.Fixtures.listing;
import static dev.kimigayo.isn.core.fetch.Fixtures.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Successful HTTP fetches: hashing, validators and 304, progress, same-host redirects. */
class HttpFetchTest {

    private static final byte[] DATA = body(200_000);

    @TempDir
    Path dir;

    private FaultyServer server;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new FaultyServer().file("/repo/a.isn", DATA, "\"v1\"");
        fetcher = new Fetcher(Fixtures.fast(new Fixtures.RecordingSleeper()));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void fetchesVerifiesAndRenamesIntoPlace() throws Exception {
        Path dest = dir.resolve("a.isn");
        FetchResult r = fetcher.fetch(FetchRequest.of(server.uri("/repo/a.isn"), dest, DATA.length)
                .withSha256(sha256(DATA).toUpperCase()));

        assertEquals(FetchResult.Status.FETCHED, r.status());
        assertEquals(DATA.length, r.bytes());
        assertEquals(sha256(DATA), r.sha256());
        assertEquals(new Validators("\"v1\"", FaultyServer.LAST_MODIFIED), r.validators());
        assertEquals(1, r.attempts());
        assertArrayEquals(DATA, Files.readAllBytes(dest));
        assertEquals(List.of("a.isn"), listing(dir), "no temporary file left beside it");
    }

    @Test
    void matchingValidatorsGiveNotModifiedAndLeaveTheFileAlone() throws Exception {
        Path dest = dir.resolve("a.isn");
        FetchResult first = fetcher.fetch(FetchRequest.of(server.uri("/repo/a.isn"), dest, DATA.length));
        Files.writeString(dest, "the cached copy");

        FetchResult second = fetcher.fetch(FetchRequest.of(server.uri("/repo/a.isn"), dest, DATA.length)
                .withValidators(first.validators()));

        assertEquals(FetchResult.Status.NOT_MODIFIED, second.status());
        assertEquals(first.validators(), second.validators());
        assertNull(second.sha256());
        assertEquals("\"v1\"", server.lastHeaders("/repo/a.isn").getFirst("If-None-Match"));
        assertEquals(FaultyServer.LAST_MODIFIED, server.lastHeaders("/repo/a.isn").getFirst("If-Modified-Since"));
        assertEquals("the cached copy", Files.readString(dest));
    }

    @Test
    void validatorsWorkWhenTheHeldCopyIsNotTheDestination() throws Exception {
        // The index pattern: the cached copy lives elsewhere; a new one is fetched to a staging path.
        Path staging = dir.resolve("incoming/a.isn");
        FetchResult r = fetcher.fetch(FetchRequest.of(server.uri("/repo/a.isn"), staging, DATA.length)
                .withValidators(new Validators("\"v1\"", null)));

        assertEquals(FetchResult.Status.NOT_MODIFIED, r.status());
        assertEquals("\"v1\"", server.lastHeaders("/repo/a.isn").getFirst("If-None-Match"));
        assertNull(server.lastHeaders("/repo/a.isn").getFirst("If-Modified-Since"));
        assertEquals(List.of(), listing(dir), "nothing written, not even the staging directory's file");

        FetchResult changed = fetcher.fetch(FetchRequest.of(server.uri("/repo/a.isn"), staging, DATA.length)
                .withValidators(new Validators("\"v0\"", null)));
        assertEquals(FetchResult.Status.FETCHED, changed.status());
        assertArrayEquals(DATA, Files.readAllBytes(staging));
    }

    @Test
    void reportsProgressUpToTheAnnouncedTotal() throws Exception {
        List<long[]> seen = new ArrayList<>();
        FetchListener listener = new FetchListener() {
            @Override
            public void progress(FetchRequest request, long bytes, long total) {
                seen.add(new long[] {bytes, total});
            }
        };
        try (Fetcher f = new Fetcher(Fixtures.fast(Sleeper.REAL), listener)) {
            f.fetch(FetchRequest.of(server.uri("/repo/a.isn"), dir.resolve("a.isn"), DATA.length));
        }
        assertArrayEquals(new long[] {0, DATA.length}, seen.get(0));
        assertArrayEquals(new long[] {DATA.length, DATA.length}, seen.get(seen.size() - 1));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i)[0] >= seen.get(i - 1)[0], "progress never goes backwards");
        }
    }

    @Test
    void followsARelativeRedirectOnTheSameHost() throws Exception {
        server.redirect("/old/a.isn", "/repo/a.isn");
        FetchResult r = fetcher.fetch(FetchRequest.of(server.uri("/old/a.isn"), dir.resolve("a.isn"), DATA.length));

        assertEquals(FetchResult.Status.FETCHED, r.status());
        assertEquals(server.uri("/old/a.isn"), r.url(), "the result names the URL asked for");
        assertEquals(1, server.hits("/repo/a.isn"));
    }

    @Test
    void downloadedFileIsReadableByOthersLikeAnyDownload() throws Exception {
        Path dest = dir.resolve("a.isn");
        fetcher.fetch(FetchRequest.of(server.uri("/repo/a.isn"), dest, DATA.length));
        // What umask leaves of rw-r--r--: never the owner-only 0600 of a temp file.
        Path reference = Files.createFile(dir.resolve("reference"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(dest));
        assertTrue(Files.getPosixFilePermissions(dest).contains(PosixFilePermission.OWNER_READ));
    }

    @Test
    void createsMissingParentDirectoriesOfTheDestination() throws Exception {
        Path dest = dir.resolve("cache/x86_64/a.isn");
        fetcher.fetch(FetchRequest.of(server.uri("/repo/a.isn"), dest, DATA.length));
        assertArrayEquals(DATA, Files.readAllBytes(dest));
    }
}
