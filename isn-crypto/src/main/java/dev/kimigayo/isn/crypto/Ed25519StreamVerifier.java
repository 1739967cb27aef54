package dev.kimigayo.isn.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Pure Ed25519 verification (RFC 8032 §5.1.7) of a message read once from a stream, in constant
 * memory. Bouncy Castle cannot do this: its {@code Ed25519Signer} buffers the whole message, and
 * it has no verify for a hash computed outside. Yet pure Ed25519 needs the message only inside
 * k = SHA-512(R ‖ A ‖ M), and R and A come first, so the message can pass through SHA-512 as it
 * streams and the curve check follows (this class and {@link Edwards25519}). That lets a 32 MB
 * index be checked without holding it on a 64 MB heap.
 *
 * <p>Strict where the RFC allows a choice: S must be below L; A and R must be canonical,
 * decodable encodings; A must not be one of the eight points of small order (for such a key a
 * signature of any message can be made without a secret; Bouncy Castle refuses these keys too);
 * and the signature holds only if [S]B − [k]A encodes to exactly the 32 bytes of R (the equation
 * without the cofactor, as Bouncy Castle checks it, so both agree).
 */
final class Ed25519StreamVerifier {

    private static final int BUFFER = 64 * 1024;

    private Ed25519StreamVerifier() {
    }

    /**
     * True if {@code signature} (R ‖ S, 64 bytes) is the pure Ed25519 signature of the bytes of
     * {@code message} by {@code publicKey} (32 bytes). Reads the stream to its end, unless the
     * signature or key is refused on its own; does not close it.
     */
    static boolean verify(byte[] publicKey, InputStream message, byte[] signature) throws IOException {
        if (publicKey.length != Edwards25519.ENCODED || signature.length != 2 * Edwards25519.ENCODED) {
            return false;
        }
        byte[] r = Arrays.copyOfRange(signature, 0, Edwards25519.ENCODED);
        BigInteger s = Edwards25519.fromLittleEndian(
                Arrays.copyOfRange(signature, Edwards25519.ENCODED, 2 * Edwards25519.ENCODED));
        Optional<Edwards25519.Point> a = Edwards25519.decode(publicKey);
        if (s.compareTo(Edwards25519.L) >= 0 || a.isEmpty() || a.get().hasSmallOrder()
                || Edwards25519.decode(r).isEmpty()) {
            return false;
        }
        MessageDigest sha512 = sha512();
        sha512.update(r);
        sha512.update(publicKey);
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = message.read(buffer)) != -1; ) {
            sha512.update(buffer, 0, n);
        }
        BigInteger k = Edwards25519.fromLittleEndian(sha512.digest()).mod(Edwards25519.L);
        Edwards25519.Point check = Edwards25519.sumOfProducts(s, Edwards25519.BASE, k, a.get().negate());
        return Arrays.equals(check.encode(), r);
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime lacks SHA-512", e);
        }
    }
}
