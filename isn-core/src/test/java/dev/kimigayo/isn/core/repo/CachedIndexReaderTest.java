package dev.kimigayo.isn.core.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.crypto.Ed25519KeyPair;
import dev.kimigayo.isn.crypto.TrustedKeys;

/** The derived index cache is a speed-up only: never a way around the signature, expiry or rollback checks. */
class CachedIndexReaderTest {

    private static final String SOURCE = "file:///repo";
    private static final Instant NOW = IndexFixtures.GENERATED.plus(Duration.ofDays(1));

    private final Ed25519KeyPair key = IndexFixtures.newKey();
    @TempDir
    Path dir;
    private Path json;
    private Path cache;
    private Path keysDir;
    private Path secret;
    private RepoIndex index;

    @BeforeEach
    void setUp() throws Exception {
        json = dir.resolve("index.json");
        cache = dir.resolve("cache").resolve(IndexCache.FILE);
        keysDir = Files.createDirectories(dir.resolve("keys"));
        Files.writeString(keysDir.resolve("test.pub"), "one key");
        secret = dir.resolve("index-cache.key");
        index = IndexFixtures.index(10, Duration.ofDays(7));
        sign(IndexJsonWriter.write(index));
    }

    private byte[] sign(byte[] data) throws Exception {
        Files.write(json, data);
        byte[] sig = key.secretKey().sign(data).encode();
        Files.write(IndexReader.signatureOf(json), sig);
        return sig;
    }

    private RepoIndex read(Instant now, boolean write, OptionalLong last) throws Exception {
        IndexReader reader = new IndexReader(TrustedKeys.of(List.of(key.publicKey()), "test keys"),
                Clock.fixed(now, ZoneOffset.UTC));
        return new CachedIndexReader(reader, keysDir, secret)
                .read(SOURCE, json, Files.readAllBytes(IndexReader.signatureOf(json)), cache, write, last);
    }

    private boolean cacheUsable() throws Exception {
        IndexCache.Binding b = new IndexCache.Binding(IndexCache.sha256(json),
                IndexCache.sha256(Files.readAllBytes(IndexReader.signatureOf(json))), IndexCache.trustOf(keysDir));
        return IndexCacheSecret.read(secret).flatMap(s -> IndexCache.read(cache, b, s)).isPresent();
    }

    @Test
    void derivesTheCacheAndReadsTheSameIndexBack() throws Exception {
        assertEquals(index, read(NOW, true, OptionalLong.empty()));
        assertTrue(Files.exists(cache));
        assertTrue(cacheUsable());
        RepoIndex cached = read(NOW, false, OptionalLong.empty());
        assertEquals(index.packages().size(), cached.packages().size());
        assertEquals(index, cached);
        assertEquals(Set.of("rw-------"), Set.of(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(secret))));
    }

    @Test
    void aCachedIndexGivesTheSameRelationsAndDecodesOnlyThePackagesAskedFor() throws Exception {
        read(NOW, true, OptionalLong.empty());
        RepoIndex cached = read(NOW, false, OptionalLong.empty());
        IndexRelations want = index.relations();
        IndexRelations got = cached.relations();
        assertEquals(want.size(), got.size());
        for (int p = 0; p < want.size(); p++) {
            assertEquals(names(want, want.needs(p)), names(got, got.needs(p)));
            assertEquals(names(want, want.owns(p)), names(got, got.owns(p)));
            assertEquals(names(want, want.excludes(p)), names(got, got.excludes(p)));
            assertEquals(names(want, want.installIfNames(p)), names(got, got.installIfNames(p)));
            assertEquals(want.hasInstallIf(p), got.hasInstallIf(p));
        }
        String first = index.packages().get(0).info().name();
        assertArrayEquals(want.providers(want.find(first)), got.providers(got.find(first)));
        int[] some = {1, 3};
        assertEquals(index.subset(some), cached.subset(some));
        assertEquals(List.of(index.packages().get(3)), cached.subset(new int[] {3}).packages());
    }

    @Test
    void aCacheReplacedAfterItsHeaderWasAcceptedIsRefusedWhenItsPackagesAreRead() throws Exception {
        read(NOW, true, OptionalLong.empty());
        RepoIndex cached = read(NOW, false, OptionalLong.empty());
        IndexRelations before = cached.relations();
        // Another authentic cache (same root secret) of another index takes its place.
        IndexCache.write(cache, IndexFixtures.index(3, Duration.ofDays(7)),
                new IndexCache.Binding("a", "b", "c"), IndexCacheSecret.read(secret).orElseThrow());
        assertThrows(IllegalStateException.class, () -> cached.subset(new int[] {1}));
        // The relations were read, and authenticated, in the pass that accepted the header.
        assertSame(before, cached.relations());
    }

    @Test
    void anAuthenticCacheWithTheSameHeaderButOtherBytesIsRefusedWhenItsPackagesAreRead() throws Exception {
        read(NOW, true, OptionalLong.empty());
        RepoIndex cached = read(NOW, false, OptionalLong.empty());
        // Same binding, same header, another package list: only the MAC accepted first tells them apart.
        IndexCache.Binding binding = new IndexCache.Binding(IndexCache.sha256(json),
                IndexCache.sha256(Files.readAllBytes(IndexReader.signatureOf(json))), IndexCache.trustOf(keysDir));
        java.util.List<IndexEntry> others = new java.util.ArrayList<>(index.packages());
        java.util.Collections.swap(others, 0, 1);
        IndexCache.write(cache, new RepoIndex(index.formatVersion(), index.repository(), index.serial(),
                index.generated(), index.expires(), others), binding, IndexCacheSecret.read(secret).orElseThrow());
        assertThrows(IllegalStateException.class, () -> cached.subset(new int[] {0}));
    }

    @Test
    void theStreamedDerivationAppliesTheStrictChecksAndWritesNoCacheForABadIndex() throws Exception {
        // The cache is derived while the index is parsed: a package listed twice still fails the parse.
        java.util.List<IndexEntry> twice = new java.util.ArrayList<>(index.packages());
        twice.add(index.packages().get(0));
        sign(IndexJsonWriter.write(new RepoIndex(index.formatVersion(), index.repository(), index.serial(),
                index.generated(), index.expires(), twice)));
        MalformedIndexException e = assertThrows(MalformedIndexException.class, () -> read(NOW, true, OptionalLong.empty()));
        assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
        assertFalse(Files.exists(cache));
        try (var left = Files.list(cache.getParent())) {
            assertEquals(List.of(), left.toList()); // no scratch or temporary file left behind
        }
    }

    @Test
    void aCacheOfTheFormerLayoutIsNotRead() throws Exception {
        read(NOW, true, OptionalLong.empty());
        byte[] b = Files.readAllBytes(cache);
        byte[] old = "ISNIXC02".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(old, 0, b, 0, old.length);
        Files.write(cache, b);
        assertFalse(cacheUsable());
        assertEquals(index, read(NOW, true, OptionalLong.empty()));
        assertTrue(cacheUsable());
    }

    private static List<String> names(IndexRelations r, int[] ids) {
        return java.util.Arrays.stream(ids).mapToObj(r::name).toList();
    }

    @Test
    void aLargeIndexReadWithoutACacheGoesThroughAPrivateCompactFormAndLeavesTheRootAlone() throws Exception {
        IndexReader reader = new IndexReader(TrustedKeys.of(List.of(key.publicKey()), "test keys"),
                Clock.fixed(NOW, ZoneOffset.UTC));
        byte[] sig = Files.readAllBytes(IndexReader.signatureOf(json));
        List<Path> before = listing();
        RepoIndex got = new CachedIndexReader(reader, keysDir, secret, 0)
                .read(SOURCE, json, sig, cache, false, OptionalLong.empty());
        assertTrue(got.packages() instanceof LazyIndexEntries, "decoded from a compact form, not parsed whole");
        assertEquals(index, got);
        assertEquals(before, listing(), "no cache and no key written beside the index");
        // The same checks hold on that path: a bad signature is refused, a stale serial too.
        byte[] other = key.secretKey().sign("another index".getBytes(java.nio.charset.StandardCharsets.UTF_8)).encode();
        assertEquals(IndexSignatureException.Reason.BAD_SIGNATURE, assertThrows(IndexSignatureException.class,
                () -> new CachedIndexReader(reader, keysDir, secret, 0)
                        .read(SOURCE, json, other, null, false, OptionalLong.empty())).reason());
        assertThrows(IndexRollbackException.class, () -> new CachedIndexReader(reader, keysDir, secret, 0)
                .read(SOURCE, json, sig, null, false, OptionalLong.of(index.serial() + 1)));
        assertEquals(before, listing());
    }

    private List<Path> listing() throws Exception {
        try (var walk = Files.walk(dir)) {
            return walk.sorted().toList();
        }
    }

    @Test
    void aCachedIndexIsVisitedASliceAtATimeAndFindsPackagesByNameWithoutDecodingThem() throws Exception {
        read(NOW, true, OptionalLong.empty());
        RepoIndex cached = read(NOW, false, OptionalLong.empty());
        List<IndexEntry> seen = new java.util.ArrayList<>();
        cached.forEachPackage(3, seen::add); // four packages: a slice of 3, then 1
        assertEquals(index.packages(), seen);
        List<IndexEntry> inMemory = new java.util.ArrayList<>();
        index.forEachPackage(3, inMemory::add);
        assertEquals(index.packages(), inMemory);
        for (IndexEntry e : index.packages()) {
            String name = e.info().name();
            int[] want = java.util.stream.IntStream.range(0, index.packages().size())
                    .filter(i -> index.packages().get(i).info().name().equals(name)).toArray();
            assertArrayEquals(want, RepoIndex.positionsNamed(cached.relations(), name), name);
            assertArrayEquals(want, RepoIndex.positionsNamed(index.relations(), name), name);
        }
        assertEquals(0, RepoIndex.positionsNamed(cached.relations(), "no-such-package").length);
        assertEquals(0, RepoIndex.positionsNamed(cached.relations(), "cmd:vim").length, "a provided name is no package's own");
        assertEquals(2, RepoIndex.positionsNamed(cached.relations(), "busybox").length);
    }

    @Test
    void neverWritesWhenNotAllowed() throws Exception {
        assertEquals(index, read(NOW, false, OptionalLong.empty()));
        assertFalse(Files.exists(cache));
        assertFalse(Files.exists(secret));
    }

    @Test
    void tamperedOrTruncatedCacheIsDetectedAndRebuilt() throws Exception {
        read(NOW, true, OptionalLong.empty());
        byte[] good = Files.readAllBytes(cache);
        for (int at : new int[] {0, 9, good.length / 2, good.length - 40, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            Files.write(cache, bad);
            assertFalse(cacheUsable(), "flipped byte " + at);
            assertEquals(index, read(NOW, true, OptionalLong.empty()));
            assertArrayEquals(good, Files.readAllBytes(cache), "rebuilt after flipping byte " + at);
        }
        for (int length : new int[] {0, 8, good.length / 2, good.length - 1}) {
            Files.write(cache, java.util.Arrays.copyOf(good, length));
            assertFalse(cacheUsable(), "truncated to " + length);
            assertEquals(index, read(NOW, true, OptionalLong.empty()));
            assertArrayEquals(good, Files.readAllBytes(cache));
        }
    }

    @Test
    void aCacheMadeWithAnotherSecretIsRefused() throws Exception {
        read(NOW, true, OptionalLong.empty());
        byte[] made = Files.readAllBytes(cache);
        Files.delete(secret);
        IndexCacheSecret.readOrCreate(secret);
        Files.write(cache, made);
        assertFalse(cacheUsable());
    }

    @Test
    void anotherIndexOrSignatureOrKeySetMakesTheCacheStale() throws Exception {
        read(NOW, true, OptionalLong.empty());
        RepoIndex newer = index.withSerial(11);
        sign(IndexJsonWriter.write(newer));
        assertFalse(cacheUsable());
        assertEquals(newer, read(NOW, true, OptionalLong.empty()));
        assertTrue(cacheUsable());
        Files.writeString(keysDir.resolve("other.pub"), "another key");
        assertFalse(cacheUsable());
    }

    @Test
    void aBadSignatureIsRefusedEvenWithAValidCacheOfTheIndex() throws Exception {
        read(NOW, true, OptionalLong.empty());
        byte[] sig = Files.readAllBytes(IndexReader.signatureOf(json));
        sig[sig.length / 2] ^= 0x01;
        Files.write(IndexReader.signatureOf(json), sig);
        assertThrows(IndexSignatureException.class, () -> read(NOW, true, OptionalLong.empty()));
    }

    @Test
    void expiryAndRollbackAreCheckedOnEveryCachedRead() throws Exception {
        read(NOW, true, OptionalLong.empty());
        assertThrows(IndexExpiredException.class,
                () -> read(IndexFixtures.GENERATED.plus(Duration.ofDays(8)), true, OptionalLong.empty()));
        assertThrows(IndexRollbackException.class, () -> read(NOW, true, OptionalLong.of(11)));
        assertTrue(cacheUsable());
    }
}
