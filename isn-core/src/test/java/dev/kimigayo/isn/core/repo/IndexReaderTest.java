package dev.kimigayo.isn.core.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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

import dev.kimigayo.isn.crypto.Ed25519KeyPair;
import dev.kimigayo.isn.crypto.TrustedKeys;

class IndexReaderTest {

    private static final String SOURCE = "https://repo.example/main/index.json";

    private final Ed25519KeyPair key = IndexFixtures.newKey();
    private final TrustedKeys trusted = TrustedKeys.of(List.of(key.publicKey()), "test keys");

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private IndexReader reader(Instant now) {
        return new IndexReader(trusted, at(now));
    }

    private static final Instant ONE_DAY_LATER = IndexFixtures.GENERATED.plus(Duration.ofDays(1));

    @Test
    void acceptsCorrectlySignedFreshIndex() throws Exception {
        RepoIndex index = IndexFixtures.index(10, Duration.ofDays(7));
        byte[] json = IndexJsonWriter.write(index);
        byte[] sig = key.secretKey().sign(json).encode();
        assertEquals(index, reader(ONE_DAY_LATER).read(SOURCE, json, sig, OptionalLong.empty()));
        assertEquals(index, reader(ONE_DAY_LATER).read(SOURCE, json, sig, OptionalLong.of(10)));
        assertEquals(index, reader(ONE_DAY_LATER).read(SOURCE, json, sig, OptionalLong.of(9)));
    }

    @Test
    void refusesExpiredIndexAtAndAfterExpiry() throws Exception {
        byte[] json = IndexJsonWriter.write(IndexFixtures.index(10, Duration.ofDays(7)));
        byte[] sig = key.secretKey().sign(json).encode();
        Instant expires = IndexFixtures.GENERATED.plus(Duration.ofDays(7));
        reader(expires.minusSeconds(1)).read(SOURCE, json, sig, OptionalLong.empty());
        for (Instant now : List.of(expires, expires.plusSeconds(3600))) {
            IndexExpiredException e = assertThrows(IndexExpiredException.class,
                    () -> reader(now).read(SOURCE, json, sig, OptionalLong.empty()));
            assertEquals("index-expired", e.code());
            assertEquals(expires, e.expires());
            assertTrue(e.getMessage().startsWith("index expired at 2026-12-04T08:30:00Z (now "), e.getMessage());
            assertTrue(e.getMessage().contains(SOURCE), e.getMessage());
        }
    }

    @Test
    void refusesRollbackToOlderSerial() throws Exception {
        byte[] json = IndexJsonWriter.write(IndexFixtures.index(10, Duration.ofDays(7)));
        byte[] sig = key.secretKey().sign(json).encode();
        IndexRollbackException e = assertThrows(IndexRollbackException.class,
                () -> reader(ONE_DAY_LATER).read(SOURCE, json, sig, OptionalLong.of(11)));
        assertEquals("index-rollback", e.code());
        assertEquals(10, e.serial());
        assertEquals(11, e.lastAccepted());
        assertTrue(e.getMessage().startsWith("index serial 10 is older than the last accepted serial 11, " + SOURCE),
                e.getMessage());
    }

    @Test
    void refusesUnknownKey() throws Exception {
        byte[] json = IndexJsonWriter.write(IndexFixtures.index(10, Duration.ofDays(7)));
        Ed25519KeyPair stranger = IndexFixtures.newKey();
        byte[] sig = stranger.secretKey().sign(json).encode();
        IndexSignatureException e = assertThrows(IndexSignatureException.class,
                () -> reader(ONE_DAY_LATER).read(SOURCE, json, sig, OptionalLong.empty()));
        assertEquals("unknown-key", e.code());
        assertTrue(e.getMessage().contains("index signed by unknown key " + stranger.keyId().hex()), e.getMessage());
        assertTrue(e.getMessage().contains("install the repository's public key"), e.getMessage());
    }

    @Test
    void refusesModifiedIndexBeforeParsingIt() throws Exception {
        byte[] json = IndexJsonWriter.write(IndexFixtures.index(10, Duration.ofDays(7)));
        byte[] sig = key.secretKey().sign(json).encode();
        // Raise the serial and append garbage: the signature check must fail before any parse error.
        byte[] forged = (new String(json, StandardCharsets.UTF_8).replace("\"serial\": 10", "\"serial\": 99") + "}{")
                .getBytes(StandardCharsets.UTF_8);
        IndexSignatureException e = assertThrows(IndexSignatureException.class,
                () -> reader(ONE_DAY_LATER).read(SOURCE, forged, sig, OptionalLong.empty()));
        assertEquals("bad-signature", e.code());
        assertTrue(e.getMessage().startsWith("bad index signature by key " + key.keyId().hex() + ", " + SOURCE),
                e.getMessage());
    }

    @Test
    void refusesMalformedSignatureFile() throws Exception {
        byte[] json = IndexJsonWriter.write(IndexFixtures.index(10, Duration.ofDays(7)));
        IndexSignatureException e = assertThrows(IndexSignatureException.class, () -> reader(ONE_DAY_LATER)
                .read(SOURCE, json, "not a signature\n".getBytes(StandardCharsets.UTF_8), OptionalLong.empty()));
        assertEquals("malformed-signature", e.code());
    }

    @Test
    void readsFilesAndRequiresTheSignatureBeside(@TempDir Path dir) throws Exception {
        RepoIndex index = IndexFixtures.index(10, Duration.ofDays(7));
        byte[] json = IndexJsonWriter.write(index);
        Path file = dir.resolve("index.json");
        Files.write(file, json);
        IndexSignatureException missing = assertThrows(IndexSignatureException.class,
                () -> reader(ONE_DAY_LATER).read(file, OptionalLong.empty()));
        assertEquals("missing-signature", missing.code());
        assertTrue(missing.getMessage().contains("no signature file index.json.sig beside the index"), missing.getMessage());
        Files.write(IndexReader.signatureOf(file), key.secretKey().sign(json).encode());
        assertEquals(index, reader(ONE_DAY_LATER).read(file, OptionalLong.empty()));
    }
}
