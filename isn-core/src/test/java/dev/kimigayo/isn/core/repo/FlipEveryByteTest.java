package dev.kimigayo.isn.core.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.kimigayo.isn.core.IsnException;
import dev.kimigayo.isn.crypto.Ed25519KeyPair;
import dev.kimigayo.isn.crypto.Sha256;
import dev.kimigayo.isn.crypto.TrustedKeys;

/**
 * Changing any single byte of a signed package or of a signed index is detected: every position,
 * each flipped in two ways (all bits, lowest bit), checked in-process through the library.
 */
class FlipEveryByteTest {

    private static final int[] MASKS = {0xFF, 0x01};

    private final Ed25519KeyPair key = IndexFixtures.newKey();
    private final TrustedKeys trusted = TrustedKeys.of(List.of(key.publicKey()), "test keys");

    /**
     * Through an index (what {@code isn verify index.json} and every install from a repository
     * do), each flipped byte of a package file is a size or hash mismatch. Verified on its own,
     * each flip is refused by the package reader unless it leaves the decompressed archive
     * byte-identical (gzip header time and OS fields, equivalent deflate encodings): then nothing
     * that could be installed has changed, and the flip is counted as harmless.
     */
    @Test
    void everyFlippedByteOfASamplePackageIsRefused(@TempDir Path dir) throws Exception {
        Path file = SampleRepo.pack(key.secretKey(), dir, "vim").get(0);
        byte[] good = Files.readAllBytes(file);
        byte[] content = gunzip(good);
        PackageVerifier verifier = PackageVerifiers.trusting(trusted);
        assertEquals("vim", verifier.verify(new ByteArrayInputStream(good), "good").name());
        IndexEntry entry = new IndexEntry(verifier.verify(new ByteArrayInputStream(good), "good"),
                file.getFileName().toString(), good.length, Sha256.ofBytes(good));
        PackageFileCheck.check(entry, new ByteArrayInputStream(good), "good");
        List<String> undetected = new ArrayList<>();
        List<String> harmless = new ArrayList<>();
        Map<String, Integer> codes = new TreeMap<>();
        for (int i = 0; i < good.length; i++) {
            for (int mask : MASKS) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) mask;
                String flip = String.format("byte %d ^ 0x%02x", i, mask);
                try {
                    PackageFileCheck.check(entry, new ByteArrayInputStream(bad), "flipped");
                    undetected.add("through the index: " + flip);
                } catch (PackageFileMismatchException e) {
                    assertEquals("hash-mismatch", e.code());
                }
                try {
                    verifier.verify(new ByteArrayInputStream(bad), "flipped");
                    if (Arrays.equals(content, gunzip(bad))) {
                        harmless.add(flip);
                    } else {
                        undetected.add("on its own: " + flip);
                    }
                } catch (IsnException e) {
                    codes.merge(e.code(), 1, Integer::sum);
                }
            }
        }
        assertTrue(undetected.isEmpty(), "undetected flips of " + good.length + " bytes: " + undetected);
        System.out.printf("FlipEveryByteTest: %d flips of a %d-byte package: refused on its own %s;"
                + " harmless (same decompressed bytes) %d: %s%n", 2 * good.length, good.length, codes,
                harmless.size(), harmless);
    }

    private static byte[] gunzip(byte[] gz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    @Test
    void everyFlippedByteOfAnIndexIsRefused(@TempDir Path dir) throws Exception {
        SampleRepo.pack(key.secretKey(), dir, "vim", "musl", "ncurses-libs");
        Instant now = Instant.parse("2026-11-27T08:30:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        IndexResult result = new IndexBuilder(PackageVerifiers.trusting(trusted), clock)
                .build(IndexRequest.of(dir, key.secretKey()));
        byte[] json = Files.readAllBytes(result.indexFile());
        byte[] sig = Files.readAllBytes(result.signatureFile());
        IndexReader reader = new IndexReader(trusted, clock);
        assertEquals(3, reader.read("good", json, sig, OptionalLong.empty()).packages().size());
        List<String> undetected = new ArrayList<>();
        for (int i = 0; i < json.length; i++) {
            for (int mask : MASKS) {
                byte[] bad = json.clone();
                bad[i] ^= (byte) mask;
                try {
                    reader.read("flipped", bad, sig, OptionalLong.empty());
                    undetected.add(String.format("byte %d ^ 0x%02x", i, mask));
                } catch (IndexSignatureException e) {
                    assertEquals("bad-signature", e.code());
                }
            }
        }
        assertTrue(undetected.isEmpty(), "undetected flips: " + undetected);
        assertTrue(flipSignature(reader, json, sig).isEmpty());
    }

    /**
     * Flips every byte of the signature file except the text of its first line, the untrusted
     * comment, which signify and minisign leave unsigned by design (docs/format-index.md).
     */
    private static List<String> flipSignature(IndexReader reader, byte[] json, byte[] sig) {
        int firstLineEnd = new String(sig, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\n');
        List<String> undetected = new ArrayList<>();
        for (int i = firstLineEnd; i < sig.length; i++) {
            for (int mask : MASKS) {
                byte[] bad = sig.clone();
                bad[i] ^= (byte) mask;
                try {
                    reader.read("flipped", json, bad, OptionalLong.empty());
                    undetected.add(String.format("signature byte %d ^ 0x%02x", i, mask));
                } catch (IndexException e) {
                    assertTrue(e instanceof IndexSignatureException, e.toString());
                }
            }
        }
        return undetected;
    }
}
