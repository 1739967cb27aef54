package dev.kimigayo.isn.core.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.crypto.Ed25519KeyPair;
import dev.kimigayo.isn.crypto.TrustedKeys;

class IndexBuilderTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:30:00.750Z");

    private final Ed25519KeyPair key = IndexFixtures.newKey();
    private final TrustedKeys trusted = TrustedKeys.of(List.of(key.publicKey()), "test keys");

    private IndexBuilder builder(Instant now) {
        return new IndexBuilder(PackageVerifiers.trusting(trusted), Clock.fixed(now, ZoneOffset.UTC));
    }

    private IndexRequest request(Path dir) {
        return new IndexRequest(dir, key.secretKey(), Duration.ofDays(3), "sample", "");
    }

    @Test
    void indexesTheSampleRepositoryAndReadsItBack(@TempDir Path dir) throws Exception {
        List<Path> files = SampleRepo.pack(key.secretKey(), dir);
        IndexResult result = builder(NOW).build(request(dir));
        RepoIndex index = result.index();
        assertEquals(files.size(), index.packages().size());
        assertEquals(NOW.getEpochSecond(), index.serial());
        assertEquals(Instant.parse("2026-11-27T08:30:00Z"), index.generated());
        assertEquals(Instant.parse("2026-11-30T08:30:00Z"), index.expires());
        List<String> names = index.packages().stream().map(e -> e.info().name()).toList();
        assertEquals(names.stream().sorted().toList(), names);
        IndexEntry vim = index.packages().stream().filter(e -> e.info().name().equals("vim")).findFirst().orElseThrow();
        assertEquals("vim-9.0.2127-r0.isn", vim.file());
        assertEquals(Files.size(dir.resolve(vim.file())), vim.fileSize());
        assertEquals(dev.kimigayo.isn.crypto.Sha256.ofFile(dir.resolve(vim.file())), vim.fileSha256());
        assertEquals("so:libncursesw.so.6", vim.info().depends().get(3).toString());

        RepoIndex read = new IndexReader(trusted, Clock.fixed(NOW, ZoneOffset.UTC))
                .read(result.indexFile(), OptionalLong.of(index.serial()));
        assertEquals(index, read);
        assertEquals(0, PackageFileCheck.checkBeside(read, dir, null).absent().size());
        assertEquals(files.size(), PackageFileCheck.checkBeside(read, dir, PackageVerifiers.trusting(key.publicKey())).checked());
        try (var listing = Files.list(dir)) {
            assertFalse(listing.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void serialGrowsOnEveryRunEvenWithinOneSecond(@TempDir Path dir) throws Exception {
        SampleRepo.pack(key.secretKey(), dir, "musl", "busybox");
        long first = builder(NOW).build(request(dir)).index().serial();
        long second = builder(NOW).build(request(dir)).index().serial();
        long third = builder(NOW.minusSeconds(3600)).build(request(dir)).index().serial();
        assertEquals(first + 1, second);
        assertEquals(first + 2, third);
        long later = builder(NOW.plusSeconds(60)).build(request(dir)).index().serial();
        assertEquals(NOW.getEpochSecond() + 60, later);
    }

    @Test
    void sameFolderGivesSameBytesWhateverTheListingOrTheFolder(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        SampleRepo.pack(key.secretKey(), a);
        List<Path> files;
        try (var listing = Files.list(a)) {
            files = listing.sorted(java.util.Comparator.reverseOrder()).toList();
        }
        for (Path f : files) {
            Files.copy(f, b.resolve(f.getFileName()));
        }
        byte[] first = Files.readAllBytes(builder(NOW).build(request(a)).indexFile());
        byte[] second = Files.readAllBytes(builder(NOW).build(request(b)).indexFile());
        assertArrayEquals(first, second);
    }

    @Test
    void refusesPackageSignedByAnotherKeyAndWritesNothing(@TempDir Path dir) throws Exception {
        SampleRepo.pack(key.secretKey(), dir, "musl");
        SampleRepo.pack(IndexFixtures.newKey().secretKey(), dir, "busybox");
        IsnException e = assertThrows(IsnException.class, () -> builder(NOW).build(request(dir)));
        assertEquals("unknown-key", e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("busybox-1.36.1-r2.isn"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("index.json")));
        assertFalse(Files.exists(dir.resolve("index.json.sig")));
    }

    @Test
    void refusesDuplicatePackageAndBadFileName(@TempDir Path dir) throws Exception {
        Path musl = SampleRepo.pack(key.secretKey(), dir, "musl").get(0);
        Files.copy(musl, dir.resolve("musl-copy.isn"));
        DuplicatePackageException dup = assertThrows(DuplicatePackageException.class, () -> builder(NOW).build(request(dir)));
        assertEquals("musl 1.2.5-r0 x86_64", dup.id());
        Files.delete(dir.resolve("musl-copy.isn"));
        Files.copy(musl, dir.resolve("Musl copy.isn"));
        BadPackageFileNameException bad = assertThrows(BadPackageFileNameException.class,
                () -> builder(NOW).build(request(dir)));
        assertTrue(bad.getMessage().contains("Musl copy.isn"), bad.getMessage());
    }

    @Test
    void refusesUnreadablePreviousIndex(@TempDir Path dir) throws Exception {
        SampleRepo.pack(key.secretKey(), dir, "musl");
        Files.writeString(dir.resolve("index.json"), "{\"serial\": \"many\"}");
        MalformedIndexException e = assertThrows(MalformedIndexException.class, () -> builder(NOW).build(request(dir)));
        assertEquals("index-previous-unreadable", e.code());
    }
}
