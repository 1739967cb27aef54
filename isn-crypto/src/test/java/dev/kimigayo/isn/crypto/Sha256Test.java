package dev.kimigayo.isn.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void knownVectors() {
        assertEquals(EMPTY, Sha256.ofBytes(new byte[0]));
        assertEquals(ABC, Sha256.ofBytes("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("00ff10", Sha256.hex(new byte[] {0, (byte) 0xff, 0x10}));
    }

    @Test
    void fileHashMatchesInMemoryHashAcrossBufferBoundaries() throws IOException {
        byte[] data = new byte[3 * 64 * 1024 + 17];
        new Random(7).nextBytes(data);
        Path f = dir.resolve("blob");
        Files.write(f, data);
        assertEquals(Sha256.ofBytes(data), Sha256.ofFile(f));
        Files.write(f, new byte[0]);
        assertEquals(EMPTY, Sha256.ofFile(f));
    }

    @Test
    void hashingStreamCountsAndHashesEverythingReadOrSkipped() throws IOException {
        byte[] data = new byte[100_000];
        new Random(3).nextBytes(data);
        HashingInputStream in = new HashingInputStream(new ByteArrayInputStream(data));
        assertEquals(data[0] & 0xff, in.read());
        assertEquals(1000, in.skip(1000));
        byte[] rest = in.readAllBytes();
        assertEquals(data.length - 1001, rest.length);
        assertEquals(data.length, in.count());
        assertEquals(Sha256.ofBytes(data), in.hexDigest());
        assertEquals(Sha256.ofBytes(data), in.hexDigest(), "digest is stable once taken");
    }

    @Test
    void readingAfterDigestIsRefused() throws IOException {
        HashingInputStream in = new HashingInputStream(new ByteArrayInputStream(new byte[] {1, 2}));
        in.read();
        in.hexDigest();
        assertThrows(IllegalStateException.class, in::read);
        assertThrows(IOException.class, in::reset);
    }
}
