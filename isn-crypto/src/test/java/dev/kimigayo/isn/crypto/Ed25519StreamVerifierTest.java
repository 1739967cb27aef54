package dev.kimigayo.isn.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * The streamed pure-Ed25519 check against the RFC's vectors, against Bouncy Castle, and against
 * encodings a lax verifier would accept.
 */
class Ed25519StreamVerifierTest {

    private static final byte[] IDENTITY = Keys.hex("01" + "00".repeat(31));

    @Test
    void acceptsTheRfc8032Vectors() throws IOException {
        for (Rfc8032Vectors.Vector v : Rfc8032Vectors.ALL) {
            byte[] pk = Keys.hex(v.publicKey());
            byte[] msg = Keys.hex(v.message());
            byte[] sig = Keys.hex(v.signature());
            // The typed-in vector is the RFC's: Bouncy Castle derives the same key and signature.
            assertArrayEquals(pk, Ed25519Engine.publicKeyOf(Keys.hex(v.seed())), v.name());
            assertArrayEquals(sig, Ed25519Engine.sign(Keys.hex(v.seed()), msg), v.name());
            assertTrue(streamed(pk, msg, sig), v.name());
            byte[] altered = msg.length == 0 ? new byte[] {0} : msg.clone();
            altered[altered.length - 1] ^= 0x01;
            assertFalse(streamed(pk, altered, sig), v.name() + ", last message bit flipped");
        }
    }

    @Test
    void agreesWithBouncyCastleOnRandomSignaturesAndBitFlips() throws IOException {
        SplittableRandom random = new SplittableRandom(20261206L);
        String[] parts = {"message", "R", "S", "public key"};
        for (int i = 0; i < 2000; i++) {
            byte[] seed = bytes(random, 32);
            byte[] pk = Ed25519Engine.publicKeyOf(seed);
            byte[] msg = bytes(random, random.nextInt(4097));
            byte[] sig = Ed25519Engine.sign(seed, msg);
            assertTrue(streamed(pk, msg, sig), "valid signature " + i);
            assertTrue(bouncyCastle(pk, msg, sig), "valid signature " + i);

            // One part per signature, in turn: each is flipped 500 times over the run.
            int part = msg.length == 0 && i % 4 == 0 ? 1 : i % 4;
            byte[] badMsg = part == 0 ? flipBit(msg, random) : msg;
            byte[] badSig = part == 1 ? flipBit(sig, random, 0, 32) : part == 2 ? flipBit(sig, random, 32, 64) : sig;
            byte[] badPk = part == 3 ? flipBit(pk, random) : pk;
            boolean expected = bouncyCastle(badPk, badMsg, badSig);
            assertEquals(expected, streamed(badPk, badMsg, badSig), "signature " + i + ", a bit of " + parts[part]);
            assertFalse(expected, "signature " + i + ", a bit of " + parts[part]);
        }
    }

    @Test
    void refusesAnSNotBelowTheGroupOrder() throws IOException {
        Rfc8032Vectors.Vector v = Rfc8032Vectors.ALL.get(1);
        byte[] pk = Keys.hex(v.publicKey());
        byte[] msg = Keys.hex(v.message());
        byte[] sig = Keys.hex(v.signature());
        BigInteger s = Edwards25519.fromLittleEndian(Arrays.copyOfRange(sig, 32, 64));
        // S + L names the same scalar ([S + L]B = [S]B), so only the range check refuses it.
        byte[] sPlusL = withS(sig, s.add(Edwards25519.L));
        assertFalse(streamed(pk, msg, sPlusL));
        assertFalse(bouncyCastle(pk, msg, sPlusL));
        assertFalse(streamed(pk, msg, withS(sig, Edwards25519.L)));
        assertTrue(streamed(pk, msg, sig));
    }

    @Test
    void decodesOnlyCanonicalEncodingsOfCurvePoints() {
        assertArrayEquals(Keys.hex("58" + "66".repeat(31)), Edwards25519.BASE.encode(), "B: y = 4/5, x even");
        assertTrue(Edwards25519.decode(IDENTITY).isPresent());
        assertTrue(Edwards25519.decode(withSignBit(IDENTITY)).isEmpty(), "x = 0 with the sign bit set");
        assertTrue(Edwards25519.decode(littleEndian(BigInteger.ZERO)).isPresent(), "y = 0 is on the curve");
        assertTrue(Edwards25519.decode(littleEndian(Edwards25519.P)).isEmpty(), "y = p, a second encoding of y = 0");
        assertTrue(Edwards25519.decode(littleEndian(Edwards25519.P.add(BigInteger.ONE))).isEmpty(),
                "y = p + 1, a second encoding of y = 1");
        int offCurve = 0;
        for (int y = 2; y < 64; y++) {
            for (byte[] encoded : new byte[][] {littleEndian(BigInteger.valueOf(y)),
                    withSignBit(littleEndian(BigInteger.valueOf(y)))}) {
                boolean decodes = Edwards25519.decode(encoded).isPresent();
                assertEquals(Ed25519.validatePublicKeyPartial(encoded, 0), decodes, "y = " + y);
                offCurve += decodes ? 0 : 1;
            }
        }
        assertTrue(offCurve > 0, "some small y has no x on the curve");
    }

    @Test
    void refusesASecondEncodingOfR() throws IOException {
        // With R the neutral element, S = k·a makes [S]B − [k]A = R: a real signature to start from.
        byte[] pk = Keys.hex(Keys.RFC1_PUBLIC);
        BigInteger a = secretScalar(Keys.hex(Keys.RFC1_SEED));
        byte[] msg = "R is the neutral element".getBytes(StandardCharsets.UTF_8);
        byte[] sig = signWithR(IDENTITY, a, pk, msg);
        assertTrue(streamed(pk, msg, sig));
        assertTrue(bouncyCastle(pk, msg, sig));
        // The same point written another way decodes to the same R under a lax reading.
        for (byte[] alias : new byte[][] {withSignBit(IDENTITY), littleEndian(Edwards25519.P.add(BigInteger.ONE))}) {
            byte[] aliased = signWithR(alias, a, pk, msg);
            assertFalse(streamed(pk, msg, aliased), Keys.hexOf(alias));
            assertFalse(bouncyCastle(pk, msg, aliased), Keys.hexOf(alias));
        }
    }

    @Test
    void refusesSmallOrderAndNonCanonicalPublicKeys() throws IOException {
        // For A = the neutral element, (R = neutral, S = 0) passes the equation for every message.
        byte[] msg = "any message".getBytes(StandardCharsets.UTF_8);
        byte[] sig = Arrays.copyOf(IDENTITY, 64);
        for (byte[] pk : new byte[][] {IDENTITY, withSignBit(IDENTITY), littleEndian(Edwards25519.P.add(BigInteger.ONE)),
                littleEndian(BigInteger.ZERO)}) {
            assertFalse(streamed(pk, msg, sig), Keys.hexOf(pk));
            assertFalse(bouncyCastle(pk, msg, sig), Keys.hexOf(pk));
        }
    }

    @Test
    void verifiesAStreamLargerThanAnyBufferWithoutHoldingIt() throws Exception {
        long size = 300L << 20; // above the 256 MiB Bouncy Castle's buffering path accepted
        byte[] pk = Keys.hex(Keys.RFC1_PUBLIC);
        BigInteger a = secretScalar(Keys.hex(Keys.RFC1_SEED));
        // A signature whose nonce is the secret scalar itself (R = A): valid, and made in one
        // streamed pass; Bouncy Castle accepts the construction on a small message.
        byte[] small = "R = A".getBytes(StandardCharsets.UTF_8);
        assertTrue(bouncyCastle(pk, small, signWithNonceA(a, pk, new ByteArrayInputStream(small))));
        byte[] sig = signWithNonceA(a, pk, new GeneratedStream(size, -1));

        Ed25519PublicKey key = new Ed25519PublicKey(KeyId.ofHex("0102030405060708"), pk);
        key.verify(new GeneratedStream(size, -1), new Ed25519Signature(key.keyId(), sig));
        assertFalse(Ed25519StreamVerifier.verify(pk, new GeneratedStream(size, size - 1), sig), "last byte changed");
    }

    private static boolean streamed(byte[] pk, byte[] msg, byte[] sig) throws IOException {
        return Ed25519StreamVerifier.verify(pk, new ByteArrayInputStream(msg), sig);
    }

    private static boolean bouncyCastle(byte[] pk, byte[] msg, byte[] sig) {
        return Ed25519.verify(sig, 0, pk, 0, msg, 0, msg.length);
    }

    /** The clamped secret scalar a of RFC 8032 §5.1.5, with A = [a]B. */
    private static BigInteger secretScalar(byte[] seed) {
        byte[] h = Arrays.copyOf(sha512().digest(seed), 32);
        h[0] &= (byte) 248;
        h[31] &= 127;
        h[31] |= 64;
        return Edwards25519.fromLittleEndian(h);
    }

    /** R ‖ S with S = k·a, k = SHA-512(R ‖ A ‖ M): valid when R is the neutral element. */
    private static byte[] signWithR(byte[] r, BigInteger a, byte[] pk, byte[] msg) {
        java.security.MessageDigest h = sha512();
        h.update(r);
        h.update(pk);
        BigInteger k = Edwards25519.fromLittleEndian(h.digest(msg)).mod(Edwards25519.L);
        return withS(Arrays.copyOf(r, 64), k.multiply(a).mod(Edwards25519.L));
    }

    /** A ‖ S with S = a + k·a, k = SHA-512(A ‖ A ‖ M): the signature with nonce a, so R = [a]B = A. */
    private static byte[] signWithNonceA(BigInteger a, byte[] pk, InputStream msg) throws IOException {
        java.security.MessageDigest h = sha512();
        h.update(pk);
        h.update(pk);
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = msg.read(buffer)) != -1; ) {
            h.update(buffer, 0, n);
        }
        BigInteger k = Edwards25519.fromLittleEndian(h.digest()).mod(Edwards25519.L);
        return withS(Arrays.copyOf(pk, 64), a.add(k.multiply(a)).mod(Edwards25519.L));
    }

    private static byte[] withS(byte[] sig, BigInteger s) {
        byte[] out = Arrays.copyOf(sig, 64);
        byte[] le = littleEndian(s.mod(BigInteger.TWO.pow(256)));
        System.arraycopy(le, 0, out, 32, 32);
        return out;
    }

    private static byte[] littleEndian(BigInteger n) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = n.shiftRight(8 * i).byteValue();
        }
        return out;
    }

    private static byte[] withSignBit(byte[] encoded) {
        byte[] out = encoded.clone();
        out[31] |= (byte) 0x80;
        return out;
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    private static byte[] flipBit(byte[] data, SplittableRandom random) {
        return flipBit(data, random, 0, data.length);
    }

    private static byte[] flipBit(byte[] data, SplittableRandom random, int from, int to) {
        byte[] out = data.clone();
        out[random.nextInt(from, to)] ^= (byte) (1 << random.nextInt(8));
        return out;
    }

    private static java.security.MessageDigest sha512() {
        try {
            return java.security.MessageDigest.getInstance("SHA-512");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code size} bytes of a fixed pattern made as they are read, with the byte at {@code flip} inverted. */
    private static final class GeneratedStream extends InputStream {

        private final long size;
        private final long flip;
        private long position;

        GeneratedStream(long size, long flip) {
            this.size = size;
            this.flip = flip;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position == size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                b[off + i] = (byte) (p * 0x9E37 ^ (p >>> 13) ^ (p == flip ? 0xff : 0));
            }
            position += n;
            return n;
        }
    }
}
