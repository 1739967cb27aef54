package dev.kimigayo.isn.core.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.crypto.Ed25519KeyPair;
import dev.kimigayo.isn.crypto.Sha256;
import dev.kimigayo.isn.crypto.TrustedKeys;

/** {@link IndexReader#readVerified}: the signature checked as the file streams, refused as the in-memory check refuses. */
class IndexReaderFileTest {

    private static final String SOURCE = "https://repo.example/main/index.json";

    private final Ed25519KeyPair key = IndexFixtures.newKey();
    private final IndexReader reader = new IndexReader(TrustedKeys.of(List.of(key.publicKey()), "test keys"),
            Clock.fixed(IndexFixtures.GENERATED.plus(Duration.ofDays(1)), ZoneOffset.UTC));

    @TempDir
    Path dir;

    @Test
    void acceptsTheIndexAndReturnsTheHashOfTheBytesItChecked() throws Exception {
        RepoIndex index = IndexFixtures.index(10, Duration.ofDays(7));
        byte[] json = IndexJsonWriter.write(index);
        IndexReader.Verified v = reader.readVerified(SOURCE, file(json), key.secretKey().sign(json).encode(),
                OptionalLong.empty());
        assertEquals(index, v.index());
        assertEquals(Sha256.ofBytes(json), v.sha256());
    }

    @Test
    void refusesWithTheCodesAndMessagesOfTheInMemoryCheck() throws Exception {
        byte[] json = IndexJsonWriter.write(IndexFixtures.index(10, Duration.ofDays(7)));
        byte[] forged = new String(json, StandardCharsets.UTF_8).replace("\"serial\": 10", "\"serial\": 99")
                .getBytes(StandardCharsets.UTF_8);
        byte[] sig = key.secretKey().sign(json).encode();
        byte[] stranger = IndexFixtures.newKey().secretKey().sign(json).encode();
        byte[] garbage = "not a signature\n".getBytes(StandardCharsets.UTF_8);
        assertSameRefusal("bad-signature", forged, sig);
        assertSameRefusal("unknown-key", json, stranger);
        assertSameRefusal("malformed-signature", json, garbage);
    }

    @Test
    void refusesAFileOverTheSizeLimitBeforeReadingIt() throws Exception {
        Path big = dir.resolve("big.json");
        try (FileChannel ch = FileChannel.open(big, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {' '}), IndexJsonParser.MAX_SIZE); // sparse: MAX_SIZE + 1 bytes
        }
        // Refused for its size first, whatever the signature: as when the file was read whole.
        for (byte[] sig : List.of(key.secretKey().sign(new byte[] {' '}).encode(),
                "not a signature\n".getBytes(StandardCharsets.UTF_8))) {
            MalformedIndexException e = assertThrows(MalformedIndexException.class,
                    () -> reader.readVerified(SOURCE, big, sig, OptionalLong.empty()));
            assertEquals("index-too-large", e.code());
            assertTrue(e.getMessage().contains("limit of " + IndexJsonParser.MAX_SIZE + " bytes"), e.getMessage());
        }
    }

    private void assertSameRefusal(String code, byte[] json, byte[] sig) throws Exception {
        IndexSignatureException inMemory = assertThrows(IndexSignatureException.class,
                () -> reader.read(SOURCE, json, sig, OptionalLong.empty()));
        IndexSignatureException streamed = assertThrows(IndexSignatureException.class,
                () -> reader.readVerified(SOURCE, file(json), sig, OptionalLong.empty()));
        assertEquals(code, streamed.code());
        assertEquals(inMemory.code(), streamed.code());
        assertEquals(inMemory.getMessage(), streamed.getMessage());
    }

    private Path file(byte[] json) throws Exception {
        Path file = Files.createTempFile(dir, "index", ".json");
        Files.write(file, json);
        return file;
    }
}
