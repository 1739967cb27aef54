package dev.kimigayo.isn.crypto;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The twisted Edwards curve of Ed25519, {@code -x² + y² = 1 + d·x²·y²} over GF(2²⁵⁵ − 19)
 * (RFC 8032 §5.1), in {@link BigInteger} arithmetic, for verifying only. Every input of a
 * verification is public, so nothing here needs to run in constant time; plain code that follows
 * the RFC's formulas line by line is easier to check than fast code, and one verification costs
 * a few milliseconds.
 */
final class Edwards25519 {

    /** The field prime p = 2²⁵⁵ − 19. */
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    /** The order L of the base point: 2²⁵² + 27742317777372353535851937790883648493. */
    static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    /** Length of an encoded point in bytes. */
    static final int ENCODED = 32;

    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger TWO_D = D.shiftLeft(1).mod(P);
    /** A square root of −1: 2^((p − 1) / 4). */
    private static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    private static final BigInteger DECODE_EXPONENT = P.subtract(BigInteger.valueOf(5)).shiftRight(3);

    /** The neutral element (0, 1). */
    static final Point IDENTITY = new Point(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);
    /** The base point B: the one with y = 4/5 and x even (RFC 8032 §5.1). */
    static final Point BASE = recover(BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P), 0)
            .orElseThrow();

    private Edwards25519() {
    }

    /**
     * A point in extended homogeneous coordinates: x = X/Z, y = Y/Z, x·y = T/Z (RFC 8032 §5.1.4).
     * Many coordinate sets stand for the same point; compare {@link #encode() encodings}.
     */
    record Point(BigInteger x, BigInteger y, BigInteger z, BigInteger t) {

        /** The sum, by the RFC's complete addition law: right for every pair, equal points and the neutral element included. */
        Point add(Point q) {
            BigInteger a = mul(y.subtract(x), q.y.subtract(q.x));
            BigInteger b = mul(y.add(x), q.y.add(q.x));
            BigInteger c = mul(mul(t, TWO_D), q.t);
            BigInteger d = mul(z.shiftLeft(1), q.z);
            return combine(b.subtract(a), d.subtract(c), d.add(c), b.add(a));
        }

        /** The point added to itself, by the RFC's doubling formulas (fewer multiplications than {@link #add}). */
        Point twice() {
            BigInteger a = mul(x, x);
            BigInteger b = mul(y, y);
            BigInteger c = mul(z, z).shiftLeft(1);
            BigInteger h = a.add(b);
            BigInteger xy = x.add(y);
            BigInteger g = a.subtract(b);
            return combine(h.subtract(mul(xy, xy)), c.add(g), g, h);
        }

        /** True for the eight points whose order divides the cofactor 8: [8]P is the neutral element. */
        boolean hasSmallOrder() {
            Point eight = twice().twice().twice();
            return eight.x.mod(P).signum() == 0 && eight.y.subtract(eight.z).mod(P).signum() == 0;
        }

        /** The inverse, −(x, y) = (−x, y). */
        Point negate() {
            return new Point(P.subtract(x).mod(P), y, z, P.subtract(t).mod(P));
        }

        /** The 32-byte encoding (RFC 8032 §5.1.2): y little-endian, the top bit holding the low bit of x. */
        byte[] encode() {
            BigInteger zInverse = z.modInverse(P);
            BigInteger affineX = mul(x, zInverse);
            byte[] out = littleEndian(mul(y, zInverse));
            out[ENCODED - 1] |= (byte) (affineX.testBit(0) ? 0x80 : 0);
            return out;
        }

        private static Point combine(BigInteger e, BigInteger f, BigInteger g, BigInteger h) {
            return new Point(mul(e, f), mul(g, h), mul(f, g), mul(e, h));
        }
    }

    /**
     * Decodes a point strictly (RFC 8032 §5.1.3): empty for y ≥ p (a second encoding of a smaller
     * y), for a y with no x on the curve, and for x = 0 with the sign bit set (a second encoding of
     * that point).
     */
    static Optional<Point> decode(byte[] encoded) {
        if (encoded.length != ENCODED) {
            return Optional.empty();
        }
        int sign = (encoded[ENCODED - 1] >> 7) & 1;
        byte[] yBytes = encoded.clone();
        yBytes[ENCODED - 1] &= 0x7f;
        BigInteger y = fromLittleEndian(yBytes);
        if (y.compareTo(P) >= 0) {
            return Optional.empty();
        }
        return recover(y, sign);
    }

    /** The point with this y and an x whose low bit is {@code sign}, if there is one. */
    private static Optional<Point> recover(BigInteger y, int sign) {
        BigInteger yy = mul(y, y);
        BigInteger u = yy.subtract(BigInteger.ONE).mod(P);
        BigInteger v = mul(D, yy).add(BigInteger.ONE).mod(P);
        // x = (u/v)^((p+3)/8) computed without an inversion: u·v³·(u·v⁷)^((p−5)/8).
        BigInteger v3 = mul(mul(v, v), v);
        BigInteger x = mul(mul(u, v3), mul(u, mul(mul(v3, v3), v)).modPow(DECODE_EXPONENT, P));
        BigInteger vxx = mul(v, mul(x, x));
        if (vxx.equals(P.subtract(u).mod(P))) {
            x = mul(x, SQRT_M1);
        } else if (!vxx.equals(u)) {
            return Optional.empty();
        }
        if (x.signum() == 0 && sign == 1) {
            return Optional.empty();
        }
        if (x.testBit(0) != (sign == 1)) {
            x = P.subtract(x);
        }
        return Optional.of(new Point(x, y, BigInteger.ONE, mul(x, y)));
    }

    /** [a]P + [b]Q in one pass of doublings (Straus–Shamir): half the doublings of two separate products. */
    static Point sumOfProducts(BigInteger a, Point p, BigInteger b, Point q) {
        Point both = p.add(q);
        Point sum = IDENTITY;
        for (int i = Math.max(a.bitLength(), b.bitLength()) - 1; i >= 0; i--) {
            sum = sum.twice();
            boolean inA = a.testBit(i);
            boolean inB = b.testBit(i);
            if (inA || inB) {
                sum = sum.add(inA && inB ? both : inA ? p : q);
            }
        }
        return sum;
    }

    /** The unsigned little-endian integer in {@code bytes}. */
    static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    /** {@code n} (0 ≤ n < 2²⁵⁶) as 32 little-endian bytes. */
    private static byte[] littleEndian(BigInteger n) {
        byte[] bigEndian = n.toByteArray(); // may carry a leading zero for the sign, or be shorter
        byte[] out = new byte[ENCODED];
        for (int i = 0; i < Math.min(ENCODED, bigEndian.length); i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    private static BigInteger mul(BigInteger a, BigInteger b) {
        return a.multiply(b).mod(P);
    }
}
